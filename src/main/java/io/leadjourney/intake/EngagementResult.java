package io.leadjourney.intake;

import io.leadjourney.lead.LeadStage;

/**
 * What an engagement event did to its lead.
 *
 * @param reengaged a nurtured lead crossed the MQL threshold and went back into its journey
 * @param woken     a dormant lead crossed the MQL threshold and started a new journey
 */
public record EngagementResult(long leadId, long eventId, int engagementScore, int score, boolean qualified,
                               LeadStage stage, boolean reengaged, boolean woken) {
}
