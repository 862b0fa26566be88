package io.leadjourney.funnel;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.funnel.FunnelReport.Acceptance;
import io.leadjourney.funnel.FunnelReport.OpenLead;
import io.leadjourney.funnel.FunnelReport.RepSla;
import io.leadjourney.funnel.FunnelReport.Segment;
import io.leadjourney.funnel.FunnelReport.SpeedToLead;
import io.leadjourney.funnel.FunnelReport.Spread;
import io.leadjourney.funnel.FunnelReport.StageLoad;
import io.leadjourney.funnel.FunnelReport.Stuck;
import io.leadjourney.funnel.FunnelReport.Week;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.sla.AcceptanceFloor;
import io.leadjourney.sla.AcceptanceRateWatch;
import io.leadjourney.sla.Sla;
import io.leadjourney.sla.SlaCalendar;
import io.leadjourney.support.InvalidFieldException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Funnel metrics from the application's own tables: the stage log ({@code stage_transition}), contact attempts,
 * SLA breaches and deal outcomes, never the engine's history. The funnel follows the cohort of leads captured in
 * the period to wherever they got since; the weekly trend and the reps' SLA count what happened in the period.
 */
@Service
public class FunnelService {

    /** What the funnel can be split by. */
    public enum GroupBy {
        SOURCE, REP, REGION, SEGMENT;

        static GroupBy parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(value.trim())).findFirst()
                    .orElseThrow(() -> new InvalidFieldException("groupBy", "must be one of source, rep, region,"
                            + " segment"));
        }
    }

    static final int MAX_DAYS = 731;

    private static final String COHORT = "select id, source, country, employees, assigned_rep, created_at,"
            + " total_score, custom_fields"
            + " from lead where created_at >= ? and created_at < ?";
    private static final String COHORT_TRANSITIONS = "select t.lead_id, t.from_stage, t.to_stage, t.changed_at,"
            + " t.reason from stage_transition t join lead l on l.id = t.lead_id"
            + " where l.created_at >= ? and l.created_at < ?";
    private static final String COHORT_FIRST_CONTACT = "select c.lead_id, min(c.attempted_at) from contact_attempt c"
            + " join lead l on l.id = c.lead_id where l.created_at >= ? and l.created_at < ? group by c.lead_id";
    private static final String COHORT_FIRST_CONTACT_BREACHES = "select distinct s.lead_id from sla_breach s"
            + " join lead l on l.id = s.lead_id where s.sla = 'FIRST_CONTACT' and l.created_at >= ?"
            + " and l.created_at < ?";
    /** The seeds' best practice for the first follow-up. */
    static final int BEST_PRACTICE_MINUTES = 30;
    private static final String COHORT_DEALS = "select o.lead_id, o.outcome, o.deal_value from opportunity o"
            + " join lead l on l.id = o.lead_id where l.created_at >= ? and l.created_at < ? and o.outcome is not null";
    /** Per stage and UTC day, counted by the database: a year is a few hundred rows, not every stage change. */
    private static final String PERIOD_TRANSITIONS = "select to_stage, cast(changed_at at time zone 'UTC' as date),"
            + " count(*) from stage_transition where to_stage in (" + LeadStage.sqlList(LeadStage.MQL,
            LeadStage.SAL, LeadStage.SQL) + ") and changed_at >= ?"
            + " and changed_at < ? group by to_stage, cast(changed_at at time zone 'UTC' as date)";
    private static final String PERIOD_DECISIONS = "select changed_by, to_stage, count(*) from stage_transition"
            + " where from_stage = '" + LeadStage.MQL + "' and to_stage in (" + LeadStage.sqlList(LeadStage.SAL,
            LeadStage.REJECTED) + ") and changed_at >= ? and changed_at < ?"
            + " group by changed_by, to_stage";
    private static final String PERIOD_BREACHES = "select rep_id, sla, count(*) from sla_breach"
            + " where breached_at >= ? and breached_at < ? and rep_id is not null group by rep_id, sla";
    private static final String OPEN_LEADS = "select l.id, l.first_name, l.last_name, l.email, l.company, l.stage,"
            + " l.assigned_rep, max(t.changed_at) from lead l join stage_transition t on t.lead_id = l.id"
            + " where l.stage in (" + LeadStage.sqlList(LeadStage.OPEN.toArray(LeadStage[]::new)) + ") group by l.id, l.first_name, l.last_name, l.email, l.company,"
            + " l.stage, l.assigned_rep";

    private final JdbcTemplate jdbc;
    private final OpenWork openWork;
    private final FunnelProperties properties;
    private final DecisionEvaluator decisions;
    private final AcceptanceRateWatch acceptanceRate;
    private final SlaCalendar calendar;
    private final Clock clock;

    private final RoutingService routing;

    FunnelService(JdbcTemplate jdbc, OpenWork openWork, FunnelProperties properties, DecisionEvaluator decisions,
                  AcceptanceRateWatch acceptanceRate, SlaCalendar calendar, RoutingService routing, Clock clock) {
        this.calendar = calendar;
        this.routing = routing;
        this.acceptanceRate = acceptanceRate;
        this.jdbc = jdbc;
        this.openWork = openWork;
        this.properties = properties;
        this.decisions = decisions;
        this.clock = clock;
    }

    private static final class LeadFacts {
        final long id;
        final String source;
        final String country;
        final Integer employees;
        final String rep;
        final Instant capturedAt;
        final int totalScore;
        final String customFields;
        final Set<LeadStage> reached = EnumSet.noneOf(LeadStage.class);
        final List<String> rejectReasons = new ArrayList<>();
        Instant mqlAt;
        Instant salAt;
        Instant sqlAt;
        Instant firstContactAt;
        boolean firstContactBreached;
        double hoursToAccept = Double.NaN;
        int recycles;
        int acceptances;
        DealOutcome outcome;
        BigDecimal dealValue;

        LeadFacts(ResultSet row) throws SQLException {
            this.id = row.getLong(1);
            this.source = row.getString(2);
            this.country = row.getString(3);
            int employees = row.getInt(4);
            this.employees = row.wasNull() ? null : employees;
            this.rep = row.getString(5);
            this.capturedAt = row.getTimestamp(6).toInstant();
            this.totalScore = row.getInt(7);
            this.customFields = row.getString(8);
        }
    }

    /** The funnel of the leads captured in [{@code from}, {@code to}), optionally split by {@code groupBy}. */
    @Transactional(readOnly = true)
    public FunnelReport report(LocalDate from, LocalDate to, String groupByText) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most " + MAX_DAYS + " days");
        }
        GroupBy groupBy = GroupBy.parse(groupByText);
        OffsetDateTime start = utc(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        OffsetDateTime end = utc(to.atStartOfDay(ZoneOffset.UTC).toInstant());

        Map<Long, LeadFacts> cohort = new LinkedHashMap<>();
        jdbc.query(COHORT, row -> {
            LeadFacts facts = new LeadFacts(row);
            cohort.put(facts.id, facts);
        }, start, end);
        jdbc.query(COHORT_TRANSITIONS, row -> {
            LeadFacts facts = cohort.get(row.getLong(1));
            if (facts != null) {
                transition(facts, LeadStage.ofNullable(row.getString(2)), LeadStage.valueOf(row.getString(3)),
                        row.getTimestamp(4).toInstant(), row.getString(5));
            }
        }, start, end);
        cohort.values().forEach(facts -> {
            if (facts.mqlAt != null && facts.salAt != null) {
                facts.hoursToAccept = hours(facts.mqlAt, facts.salAt);
            }
        });
        jdbc.query(COHORT_FIRST_CONTACT, row -> {
            LeadFacts facts = cohort.get(row.getLong(1));
            if (facts != null) {
                facts.firstContactAt = row.getObject(2, OffsetDateTime.class).toInstant();
            }
        }, start, end);
        jdbc.query(COHORT_FIRST_CONTACT_BREACHES, row -> {
            LeadFacts facts = cohort.get(row.getLong(1));
            if (facts != null) {
                facts.firstContactBreached = true;
            }
        }, start, end);
        jdbc.query(COHORT_DEALS, row -> {
            LeadFacts facts = cohort.get(row.getLong(1));
            if (facts != null) {
                facts.outcome = DealOutcome.valueOf(row.getString(2));
                facts.dealValue = row.getBigDecimal(3);
            }
        }, start, end);

        Segment total = segment("all", cohort.values());
        List<Segment> segments = new ArrayList<>();
        if (groupBy != null) {
            Map<String, List<LeadFacts>> groups = new TreeMap<>();
            // Leads with the same facts share a band: the routing table is asked once for them.
            Map<List<Object>, String> bands = new HashMap<>();
            cohort.values().forEach(facts -> groups.computeIfAbsent(keyOf(facts, groupBy, bands),
                    k -> new ArrayList<>()).add(facts));
            groups.forEach((key, leads) -> segments.add(segment(key, leads)));
        }
        return new FunnelReport(from, to, groupBy == null ? null : groupBy.name().toLowerCase(Locale.ROOT), total,
                segments, acceptance(start, end), weeks(from, to, start, end), reps(start, end), stuck());
    }

    /** Takes one stage change; they come in no particular order, so the first of each kind is the earliest. */
    private static void transition(LeadFacts facts, LeadStage from, LeadStage to, Instant at, String reason) {
        facts.reached.add(to);
        switch (to) {
            case MQL -> facts.mqlAt = earliest(facts.mqlAt, at);
            case SAL -> {
                facts.salAt = earliest(facts.salAt, at);
                facts.acceptances += from == LeadStage.MQL ? 1 : 0;
            }
            case SQL -> facts.sqlAt = earliest(facts.sqlAt, at);
            case REJECTED -> facts.rejectReasons.add(reason == null ? "UNKNOWN" : reason.split(":", 2)[0].trim());
            case NURTURE -> facts.recycles += from == LeadStage.MQL || from == LeadStage.SAL
                    || from == LeadStage.REJECTED ? 1 : 0;
            default -> {
            }
        }
    }

    private Segment segment(String key, Collection<LeadFacts> leads) {
        long count = leads.size();
        long mqls = reached(leads, LeadStage.MQL);
        long sals = reached(leads, LeadStage.SAL);
        long sqls = reached(leads, LeadStage.SQL);
        long won = leads.stream().filter(f -> f.outcome == DealOutcome.WON).count();
        long lost = leads.stream().filter(f -> f.outcome == DealOutcome.LOST).count();
        long rejected = leads.stream().mapToLong(f -> f.rejectReasons.size()).sum();
        Map<String, Double> conversion = new LinkedHashMap<>();
        conversion.put("leadToMql", ratio(mqls, count));
        conversion.put("mqlToSal", ratio(sals, mqls));
        conversion.put("salToSql", ratio(sqls, sals));
        conversion.put("sqlToWon", ratio(won, sqls));
        conversion.put("leadToWon", ratio(won, count));
        Map<String, Long> reasons = new TreeMap<>();
        leads.forEach(f -> f.rejectReasons.forEach(reason -> reasons.merge(reason, 1L, Long::sum)));
        List<BigDecimal> wonValues = leads.stream().filter(f -> f.outcome == DealOutcome.WON && f.dealValue != null)
                .map(f -> f.dealValue).toList();
        BigDecimal average = wonValues.isEmpty() ? null : wonValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(wonValues.size()), 2, RoundingMode.HALF_UP);
        return new Segment(key, count, mqls, sals, sqls, won, lost, rejected,
                leads.stream().filter(f -> f.recycles > 0).count(), reached(leads, LeadStage.DORMANT),
                reached(leads, LeadStage.DISQUALIFIED), conversion, acceptanceRate(leads, rejected),
                ratio(won, won + lost), average,
                spread(leads.stream().map(f -> f.hoursToAccept).filter(h -> !Double.isNaN(h)).toList()),
                spread(leads.stream().filter(f -> f.salAt != null && f.firstContactAt != null)
                        .map(f -> hours(f.salAt, f.firstContactAt)).toList()),
                spread(leads.stream().filter(f -> f.sqlAt != null)
                        .map(f -> hours(f.capturedAt, f.sqlAt) / 24.0).toList()),
                spread(leads.stream().filter(f -> f.salAt != null && f.sqlAt != null)
                        .map(f -> hours(f.salAt, f.sqlAt) / 24.0).toList()),
                reasons, speedToLead(leads));
    }

    private SpeedToLead speedToLead(Collection<LeadFacts> leads) {
        List<LeadFacts> contacted = leads.stream().filter(f -> f.mqlAt != null && f.firstContactAt != null
                && !f.firstContactAt.isBefore(f.mqlAt)).toList();
        List<Double> minutes = contacted.stream().map(f -> hours(f.mqlAt, f.firstContactAt) * 60).toList();
        long fast = minutes.stream().filter(m -> m <= BEST_PRACTICE_MINUTES).count();
        long withinDay = contacted.stream().filter(f -> !f.firstContactAt.isAfter(calendar.plus(f.mqlAt, "P1D")))
                .count();
        long withinSla = contacted.stream().filter(f -> !f.firstContactBreached).count();
        return new SpeedToLead(contacted.size(), spread(minutes), ratio(fast, contacted.size()),
                ratio(withinDay, contacted.size()), ratio(withinSla, contacted.size()), BEST_PRACTICE_MINUTES);
    }

    /** The acceptance rate's definition applied to these leads: of their decisions in sales, the share accepted. */
    private static Double acceptanceRate(Collection<LeadFacts> leads, long rejected) {
        long accepted = leads.stream().mapToLong(f -> f.acceptances).sum();
        return ratio(accepted, accepted + rejected);
    }

    /** The decisions sales made in the period, whenever their leads were captured: the alert's definition. */
    private Acceptance acceptance(OffsetDateTime start, OffsetDateTime end) {
        AcceptanceRateWatch.Check decided = acceptanceRate.decisions(start.toInstant(), end.toInstant());
        Double rate = decided.rate();
        AcceptanceFloor floor = acceptanceRate.floor();
        return new Acceptance(decided.accepted(), decided.rejected(), rate, floor.floor(),
                rate != null && rate < floor.floor(), acceptanceRate.measure().rate(), floor.window().toDays());
    }

    private List<Week> weeks(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end) {
        Map<LocalDate, long[]> counts = new TreeMap<>();
        for (LocalDate week = monday(from); week.isBefore(to); week = week.plusWeeks(1)) {
            counts.put(week, new long[3]);
        }
        jdbc.query(PERIOD_TRANSITIONS, row -> {
            LocalDate week = monday(row.getObject(2, LocalDate.class));
            long[] c = counts.computeIfAbsent(week, w -> new long[3]);
            c[switch (LeadStage.valueOf(row.getString(1))) {
                case MQL -> 0;
                case SAL -> 1;
                default -> 2;
            }] += row.getLong(3);
        }, start, end);
        return counts.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], Math.round(weeklyTarget(e.getKey()) * 10) / 10.0)).toList();
    }

    /**
     * Marketing's side of the SLA for the week's quarter, as {@code mql-commitment.dmn} says: the quarter's MQLs
     * over the weeks it is tracked in.
     */
    private double weeklyTarget(LocalDate week) {
        String quarter = week.getYear() + "-Q" + ((week.getMonthValue() - 1) / 3 + 1);
        DecisionOutcome outcome = decisions.evaluate(DecisionKeys.MQL_COMMITMENT, Map.of("quarter", quarter));
        Map<String, Object> commitment = outcome.firstRule().orElseThrow(() -> new IllegalStateException("The "
                + outcome.versionTag() + " table matched no rule for " + quarter + "; it needs a last rule for"
                + " every quarter"));
        int weeks = DecisionOutcome.intOutput(commitment, "weeks");
        if (weeks < 1) {
            throw new IllegalStateException("The " + outcome.versionTag() + " table tracks " + quarter + " in "
                    + weeks + " weeks; it needs at least one");
        }
        return DecisionOutcome.intOutput(commitment, "mqls") / (double) weeks;
    }

    private List<RepSla> reps(OffsetDateTime start, OffsetDateTime end) {
        Map<String, long[]> byRep = new TreeMap<>();
        jdbc.query(PERIOD_DECISIONS, row -> {
            byRep.computeIfAbsent(row.getString(1), r -> new long[3])[0] += row.getLong(3);
        }, start, end);
        jdbc.query(PERIOD_BREACHES, row -> {
            byRep.computeIfAbsent(row.getString(1), r -> new long[3])[Sla.valueOf(row.getString(2)) == Sla.ACCEPT_LEAD ? 1 : 2]
                    += row.getLong(3);
        }, start, end);
        return byRep.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            // Decisions are within the acceptance SLA (a lapsed one is a breach, and the lead moves on); a
            // decision followed by a first-contact breach is not compliant.
            return new RepSla(e.getKey(), c[0], c[1], c[2], ratio(Math.max(0, c[0] - c[2]), c[0] + c[1]));
        }).toList();
    }

    private Stuck stuck() {
        Instant now = Instant.now(clock);
        List<OpenLead> open = new ArrayList<>();
        jdbc.query(OPEN_LEADS, row -> {
            String name = ((row.getString(2) == null ? "" : row.getString(2)) + " "
                    + (row.getString(3) == null ? "" : row.getString(3))).trim();
            Instant since = row.getObject(8, OffsetDateTime.class).toInstant();
            open.add(new OpenLead(row.getLong(1), name.isEmpty() ? row.getString(4) : name, row.getString(5),
                    row.getString(6), row.getString(7), since, round(hours(since, now)), null, null, null));
        });
        Map<String, StageLoad> perStage = new LinkedHashMap<>();
        for (LeadStage stage : LeadStage.OPEN) {
            List<Double> ages = open.stream().filter(lead -> lead.stage().equals(stage.name()))
                    .map(OpenLead::hoursWaiting).toList();
            perStage.put(stage.name(), new StageLoad(ages.size(), ages.stream().mapToDouble(d -> d).max().orElse(0),
                    round(ages.stream().mapToDouble(d -> d).average().orElse(0))));
        }
        List<OpenLead> oldest = open.stream().sorted(Comparator.comparing(OpenLead::since))
                .limit(properties.stuckListSize()).toList();
        Map<Long, OpenWork.Waiting> waiting = openWork.waitingOf(oldest.stream().map(OpenLead::leadId).toList());
        List<OpenLead> linked = oldest.stream().map(lead -> {
            OpenWork.Waiting where = waiting.get(lead.leadId());
            return where == null ? lead : new OpenLead(lead.leadId(), lead.name(), lead.company(), lead.stage(),
                    lead.rep(), lead.since(), lead.hoursWaiting(), where.activity(),
                    "/camunda/app/cockpit/default/#/process-instance/" + where.processInstanceId(),
                    where.taskId() == null ? null : "/camunda/app/tasklist/default/#/?task=" + where.taskId());
        }).toList();
        return new Stuck(perStage, openWork.overdueTasks(), linked);
    }

    private String keyOf(LeadFacts facts, GroupBy groupBy, Map<List<Object>, String> bands) {
        return switch (groupBy) {
            case SOURCE -> facts.source == null ? "(none)" : facts.source;
            case REP -> facts.rep == null ? "(unassigned)" : facts.rep;
            case REGION -> facts.country == null ? "(unknown)" : facts.country;
            case SEGMENT -> bands.computeIfAbsent(Arrays.asList(facts.country, facts.employees, facts.totalScore,
                    facts.customFields), same -> routing.band(facts.country, facts.employees, facts.totalScore,
                    facts.customFields));
        };
    }

    private static Instant earliest(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
    }

    private static long reached(Collection<LeadFacts> leads, LeadStage stage) {
        return leads.stream().filter(f -> f.reached.contains(stage)).count();
    }

    static Spread spread(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(null, null, 0);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Spread(round(percentile(sorted, 0.5)), round(percentile(sorted, 0.9)), sorted.length);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
