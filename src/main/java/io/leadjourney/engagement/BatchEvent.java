package io.leadjourney.engagement;

/**
 * One event of a batch posted to {@code POST /api/events}. Fields are read as text and checked one by one, so a
 * bad event is reported on its own and never blocks the good ones.
 *
 * @param eventId    the sender's id of the event (required; a replay with the same id is counted once)
 * @param leadId     the lead, or
 * @param email      the e-mail of a lead or of a visitor who is not a lead yet
 * @param type       a behaviour the {@code engagement-points} table names ({@link Behaviours})
 * @param occurredAt ISO-8601 instant, e.g. {@code 2026-11-20T10:15:00Z}
 */
public record BatchEvent(String eventId, Long leadId, String email, String type, String occurredAt, String page,
                         String asset, String campaign) {
}
