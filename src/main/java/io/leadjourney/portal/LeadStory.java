package io.leadjourney.portal;

import io.leadjourney.engagement.EngagementEvent;
import io.leadjourney.lead.LeadView;
import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.sla.SlaBreach;

import java.util.List;

/**
 * A lead's whole story for its page: profile and stage timeline with reasons ({@link LeadView}), the score and its
 * receipt, recent activity, the SLA clocks (the open task's deadline, the breaches), contact attempts with their
 * notes (for those who read them), and the opportunity once it is an SQL.
 *
 * @param openTask the task the journey waits at, or null
 * @param notes    whether the contact attempts carry their notes for this reader
 */
public record LeadStory(LeadView lead, ScoreCard score, List<EngagementEvent> activity, List<SlaBreach> breaches,
                        List<Contact> contacts, JourneyDeadlines.OpenTask openTask, boolean notes) {

    /** One contact attempt; {@code note} is null for readers who do not see notes. */
    public record Contact(java.time.Instant at, String rep, String channel, boolean reached, String note) {
    }
}
