package io.leadjourney.lead;

/** Where a lead stands in the funnel. Every change is appended to {@code stage_transition}. */
public enum LeadStage {
    LEAD, MQL, SAL, SQL, NURTURE, REJECTED, DISQUALIFIED, DORMANT
}
