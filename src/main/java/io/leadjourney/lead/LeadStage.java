package io.leadjourney.lead;

/**
 * Where a lead stands in the funnel. Every change is appended to {@code stage_transition}. {@code WON} and
 * {@code LOST} are what sales reports back for an SQL ({@code POST /api/leads/{id}/outcome}).
 */
public enum LeadStage {
    LEAD, MQL, SAL, SQL, NURTURE, REJECTED, DISQUALIFIED, DORMANT, WON, LOST
}
