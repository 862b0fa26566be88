package io.leadjourney.lead;

import java.util.List;

/**
 * Where a lead stands in the funnel. Every change is appended to {@code stage_transition}. {@code WON} and
 * {@code LOST} are what sales reports back for an SQL ({@code POST /api/leads/{id}/outcome}).
 */
public enum LeadStage {
    LEAD, MQL, SAL, SQL, NURTURE, REJECTED, DISQUALIFIED, DORMANT, WON, LOST;

    /** Leads sales is working: awaiting acceptance (MQL) or in the contact cadence (SAL). */
    public static final List<LeadStage> OPEN = List.of(MQL, SAL);

    /** The stages as a SQL list of literals, such as {@code 'SAL', 'REJECTED'}, for queries over the stage log. */
    public static String sqlList(LeadStage... stages) {
        return java.util.Arrays.stream(stages).map(stage -> "'" + stage.name() + "'")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The stage a stored name stands for; null stays null (a lead's first stage line has no "from"). */
    public static LeadStage ofNullable(String name) {
        return name == null ? null : valueOf(name);
    }
}
