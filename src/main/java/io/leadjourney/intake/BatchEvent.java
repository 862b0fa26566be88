package io.leadjourney.intake;

/**
 * One event of a batch posted to {@code POST /api/events}. Fields are read as text and checked one by one, so a
 * bad event is reported on its own and never blocks the good ones.
 *
 * @param eventId    the sender's id of the event (required; a replay with the same id is counted once)
 * @param leadId     the lead, or
 * @param email      the e-mail of a lead or of a visitor who is not a lead yet
 * @param type       a behaviour the {@code engagement-points} table names ({@link Behaviours})
 * @param occurredAt ISO-8601 instant, e.g. {@code 2026-11-20T10:15:00Z}
 * @param secondsOnPage how long the lead stayed on the page (0 to 86,400); with page, asset and campaign, details
 *                   the points table may score ({@link Behaviour})
 */
public record BatchEvent(String eventId, Long leadId, String email, String type, String occurredAt, String page,
                         String asset, String campaign, Integer secondsOnPage) {

    /** An event without the seconds on page. */
    public BatchEvent(String eventId, Long leadId, String email, String type, String occurredAt, String page,
                      String asset, String campaign) {
        this(eventId, leadId, email, type, occurredAt, page, asset, campaign, null);
    }
}
