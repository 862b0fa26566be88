package io.leadjourney.security;

/** The Camunda groups Lead Journey relies on. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String MANAGERS = "managers";
    public static final String SALES_REPS = "sales-reps";
    public static final String MARKETING = "marketing";
    public static final String INTEGRATION = "integration";
    /** Service accounts that scrape {@code /actuator/prometheus} and read health. */
    public static final String MONITORING = "monitoring";
    /** The bands of the default {@code lead-routing} table. */
    public static final String REPS_SMALL = "reps-small";
    public static final String REPS_MID = "reps-mid";
    public static final String REPS_LARGE = "reps-large";
    public static final String REPS_APAC = "reps-apac";

    /** Spring Security authority of a Camunda group. */
    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }

    private Groups() {
    }
}
