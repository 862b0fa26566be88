package io.leadjourney.portal;

import io.leadjourney.engagement.EngagementEvent;
import io.leadjourney.lead.LeadView;
import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.scoring.ScoreChange;
import io.leadjourney.sla.SlaBreach;

import java.util.List;

/**
 * A lead's whole story for its page: profile and stage timeline with reasons ({@link LeadView}), the score and its
 * receipt, recent activity, the SLA clocks (the open task's deadline, the breaches), contact attempts with their
 * notes (for those who read them), the last discovery call's BANT and outcome, the opportunity once it is an SQL,
 * and the hand-off webhooks sent for it.
 *
 * @param discovery the last discovery call, or null before one
 * @param scoreOverTime the latest times scoring moved the lead's score, oldest first
 * @param notices       the notifications about the lead (the SLA's reminders among them), oldest first
 * @param openTask the task the journey waits at, or null
 * @param notes    whether the contact attempts carry their notes for this reader
 */
public record LeadStory(LeadView lead, ScoreCard score, List<EngagementEvent> activity, List<SlaBreach> breaches,
                        List<Contact> contacts, JourneyDeadlines.OpenTask openTask, boolean notes,
                        DiscoveryCalls.Discovery discovery, List<Webhook> webhooks,
                        List<ScoreChange> scoreOverTime, List<Notice> notices) {

    /** The chart's size, in the SVG's own units. */
    static final int WIDTH = 600;
    static final int HEIGHT = 120;

    /**
     * The score over time as an SVG polyline's points, oldest on the left, placed by time; the vertical scale runs
     * from the lowest score (or 0) to the highest. Null with fewer than two points.
     */
    public String trendPoints() {
        if (scoreOverTime.size() < 2) {
            return null;
        }
        long first = scoreOverTime.get(0).at().toEpochMilli();
        long span = Math.max(1, scoreOverTime.get(scoreOverTime.size() - 1).at().toEpochMilli() - first);
        int low = Math.min(0, scoreOverTime.stream().mapToInt(ScoreChange::total).min().orElse(0));
        int high = Math.max(low + 1, scoreOverTime.stream().mapToInt(ScoreChange::total).max().orElse(1));
        StringBuilder points = new StringBuilder();
        for (ScoreChange change : scoreOverTime) {
            double x = 5 + (WIDTH - 10) * (double) (change.at().toEpochMilli() - first) / span;
            double y = HEIGHT - 5 - (HEIGHT - 10) * (double) (change.total() - low) / (high - low);
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }

    /** One contact attempt; {@code note} is null for readers who do not see notes. */
    public record Contact(java.time.Instant at, String rep, String channel, boolean reached, String note) {
    }

    /** Who was told what about the lead: new lead, reminders, breaches; and whether the e-mail went out. */
    public record Notice(java.time.Instant at, String recipient, String subject, String status) {
    }

    /** One hand-off event sent to a subscriber: when it was queued, and delivered or not yet. */
    public record Webhook(String event, String target, String status, int attempts, Integer lastStatus,
                          String lastError, java.time.Instant deliveredAt) {
    }
}
