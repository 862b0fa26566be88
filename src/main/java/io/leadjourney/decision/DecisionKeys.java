package io.leadjourney.decision;

import java.util.List;

/**
 * Ids of the DMN decisions in {@code bpmn/}, each equal to its file name, but for {@link #WORKING_CALENDAR_ZONE}, which
 * sits with the table it belongs to in {@code working-calendar.dmn}.
 */
public final class DecisionKeys {

    public static final String ENGAGEMENT_POINTS = "engagement-points";
    public static final String ENGAGEMENT_CAPS = "engagement-caps";
    public static final String LEAD_FIT = "lead-fit";
    public static final String LEAD_GRADE = "lead-grade";
    public static final String MQL_QUALIFICATION = "mql-qualification";
    public static final String LEAD_ROUTING = "lead-routing";
    public static final String BANT_TEMPERATURE = "bant-temperature";
    public static final String NURTURE_TRACK = "nurture-track";
    public static final String DEAL_VALUE = "deal-value";
    public static final String SQL_GATE = "sql-gate";
    public static final String CONTACT_CADENCE = "contact-cadence";
    public static final String ACCEPTANCE_FLOOR = "acceptance-floor";
    public static final String MQL_COMMITMENT = "mql-commitment";
    public static final String LEAD_FIELDS = "lead-fields";
    public static final String ENGAGEMENT_DECAY = "engagement-decay";
    public static final String WORKING_CALENDAR = "working-calendar";
    public static final String WORKING_CALENDAR_ZONE = "working-calendar-zone";
    public static final String ROUND_ROBIN_WEIGHTING = "round-robin-weighting";

    /** The tables of the qualified-lead definition: what a what-if forecasts and a review signs. */
    public static final List<String> DEFINITION = List.of(LEAD_FIT, ENGAGEMENT_POINTS, ENGAGEMENT_CAPS, LEAD_GRADE,
            MQL_QUALIFICATION);

    private DecisionKeys() {
    }
}
