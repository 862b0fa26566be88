package io.leadjourney.portal;

import io.leadjourney.lead.LeadStage;

import java.time.Instant;

/**
 * A lead as a search lists it.
 *
 * @param dueAt    when its open journey task falls due (its SLA deadline), or null without one
 * @param breached whether an SLA breach is on record for it
 */
public record LeadSummary(long id, String name, String email, String company, LeadStage stage, int score,
                          String grade, String assignedRep, String assignedGroup, String source, Instant createdAt,
                          Instant updatedAt, Instant dueAt, boolean breached) {

    /** The same lead with its open task's deadline. */
    LeadSummary withDueAt(Instant due) {
        return new LeadSummary(id, name, email, company, stage, score, grade, assignedRep, assignedGroup, source,
                createdAt, updatedAt, due, breached);
    }
}
