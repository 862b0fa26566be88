package io.leadjourney.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The funnel of the leads captured in [{@code from}, {@code to}), from the stage log and deal outcomes.
 *
 * @param total    every lead of the period
 * @param segments the same figures per {@code groupBy} value (source, rep, region or segment), if asked for
 * @param weeks    MQL, SAL and SQL stage changes per ISO week (Monday) of the period, against marketing's target
 * @param reps     per rep: accept decisions, SLA breaches and compliance in the period
 * @param stuck    open leads (awaiting acceptance or in the contact cadence), longest waiting first
 */
public record FunnelReport(LocalDate from, LocalDate to, String groupBy, Segment total, List<Segment> segments,
                           Acceptance acceptance, List<Week> weeks, List<RepSla> reps, Stuck stuck) {

    /**
     * @param leads          leads captured
     * @param conversion     lead to MQL, MQL to SAL, SAL to SQL, SQL to won, lead to won (0..1, null without a base)
     * @param acceptanceRate of these leads' decisions in sales (MQL to SAL, MQL to REJECTED), the share accepted
     * @param winRate        won / (won + lost)
     * @param hoursToAccept  from MQL to the rep's acceptance
     * @param hoursToFirstContact from acceptance to the first contact attempt
     * @param daysToSql      lead velocity: from capture to SQL
     * @param daysInSal      time in the SAL stage: from acceptance to SQL
     * @param rejectReasons  how many rejections gave each reason
     * @param speedToLead    from routing to the first contact attempt
     */
    public record Segment(String key, long leads, long mqls, long sals, long sqls, long won, long lost, long rejected,
                          long recycled, long dormant, long disqualified, Map<String, Double> conversion,
                          Double acceptanceRate, Double winRate, BigDecimal averageDealValue, Spread hoursToAccept,
                          Spread hoursToFirstContact, Spread daysToSql, Spread daysInSal,
                          Map<String, Long> rejectReasons, SpeedToLead speedToLead) {
    }

    /**
     * Speed to lead: from routing (the lead became an MQL and went to a rep) to the first contact attempt. The best
     * practice is a first follow-up within 30 minutes, at the latest within one working day.
     *
     * @param contacted           MQLs with a first contact attempt
     * @param minutes             minutes from routing to the first attempt
     * @param within30Minutes     share of the contacted reached out to within 30 minutes
     * @param withinOneWorkingDay share within one working day of the business calendar
     * @param withinSla           share whose first-contact SLA was not breached
     * @param bestPracticeMinutes the 30 minutes the other shares are measured against
     */
    public record SpeedToLead(long contacted, Spread minutes, Double within30Minutes, Double withinOneWorkingDay,
                              Double withinSla, int bestPracticeMinutes) {
    }

    /** Median and 90th percentile, and how many values they come from. */
    public record Spread(Double median, Double p90, long count) {
    }

    /**
     * Sales' side of the SLA over the period: accepted / decided, against the floor; and the same rate over the
     * alert's trailing window as of now, which is the figure the managers' alert judges.
     *
     * @param belowFloor       true when the period's rate is below the floor
     * @param alertRate        the rate over the alert's window (the last {@code alertWindowDays} days), as of now
     * @param alertWindowDays  the alert's window
     */
    public record Acceptance(long accepted, long rejected, Double rate, double floor, boolean belowFloor,
                             Double alertRate, long alertWindowDays) {
    }

    /** @param mqlTarget marketing's weekly share of its quarterly commitment */
    public record Week(LocalDate week, long mqls, long sals, long sqls, double mqlTarget) {
    }

    /** @param compliance decisions made without a breach / all decisions and breaches; null without either */
    public record RepSla(String rep, long decisions, long acceptBreaches, long firstContactBreaches,
                         Double compliance) {
    }

    /**
     * @param perStage open leads per stage, with the age of the oldest in hours
     * @param overdue  open journey tasks past their SLA deadline
     */
    public record Stuck(Map<String, StageLoad> perStage, long overdue, List<OpenLead> oldest) {
    }

    public record StageLoad(long open, double oldestHours, double averageHours) {
    }

    /** An open lead, with where it waits: its instance in Cockpit and its task in Tasklist. */
    public record OpenLead(long leadId, String name, String company, String stage, String rep, Instant since,
                           double hoursWaiting, String activity, String cockpit, String tasklist) {
    }
}
