package io.leadjourney.sla;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static io.leadjourney.support.SqlTime.utc;

/**
 * The acceptance rate, defined once: of the decisions sales made on MQLs in a period (MQL → SAL or MQL → REJECTED
 * in the stage log, by when the decision was made), the share accepted. The alert, the funnel's headline and the
 * dashboard all use {@link #decisions}. The floor, the trailing window it is watched over and the decisions it needs
 * are {@code acceptance-floor.dmn}'s ({@link AcceptanceFloor}); how often it is checked is the timer of
 * {@code acceptance-watch.bpmn}. Managers are told once when it falls below the floor, and once when it is back.
 * The alert's state is stored, so a restart or a second node does not repeat it.
 */
@Component
public class AcceptanceRateWatch {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceRateWatch.class);
    static final String ALERT = "acceptance-rate";

    private static final String DECISIONS = "select to_stage, count(*) from stage_transition"
            + " where from_stage = '" + LeadStage.MQL + "' and to_stage in (" + LeadStage.sqlList(LeadStage.SAL,
            LeadStage.REJECTED) + ") and changed_at >= ? and changed_at < ?"
            + " group by to_stage";

    /** What a check found and did ({@code verdict} null for a {@link #measure()}). */
    public record Check(long accepted, long rejected, Double rate, Verdict verdict) {
    }

    public enum Verdict {
        /** too few decisions in the window to judge; the alert stays as it is */
        TOO_FEW_DECISIONS,
        /** at or above the floor, as before */
        HOLDING,
        /** fell below the floor: managers told */
        RAISED,
        /** still below the floor: managers were told before */
        STILL_BELOW,
        /** back at or above the floor: managers told */
        CLEARED
    }

    private final JdbcTemplate jdbc;
    private final NotificationService notifications;
    private final DecisionEvaluator decisions;
    private final SlaProperties sla;
    private final Clock clock;

    AcceptanceRateWatch(JdbcTemplate jdbc, NotificationService notifications, DecisionEvaluator decisions,
                        SlaProperties sla, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.decisions = decisions;
        this.sla = sla;
        this.clock = clock;
    }

    /** The floor, its window and the decisions it needs, as the deployed {@code acceptance-floor.dmn} says. */
    public AcceptanceFloor floor() {
        return AcceptanceFloor.of(decisions);
    }

    /** The verdict for a rate, given whether the alert is raised; pure, for every check. */
    static Verdict judge(boolean raised, long accepted, long rejected, int minDecisions, double floor) {
        if (accepted + rejected < minDecisions) {
            return Verdict.TOO_FEW_DECISIONS;
        }
        boolean below = (double) accepted / (accepted + rejected) < floor;
        if (below) {
            return raised ? Verdict.STILL_BELOW : Verdict.RAISED;
        }
        return raised ? Verdict.CLEARED : Verdict.HOLDING;
    }

    /** Accepted and rejected MQLs over the trailing window, as of now; changes nothing. */
    public Check measure() {
        return measure(floor());
    }

    private Check measure(AcceptanceFloor rule) {
        Instant now = Instant.now(clock);
        return decisions(now.minus(rule.window()), now);
    }

    /** The decisions sales made on MQLs from {@code from} (inclusive) to {@code to} (exclusive), and the rate. */
    public Check decisions(Instant from, Instant to) {
        long[] counts = new long[2];
        jdbc.query(DECISIONS, row -> {
            counts[LeadStage.valueOf(row.getString(1)) == LeadStage.SAL ? 0 : 1] = row.getLong(2);
        }, utc(from), utc(to));
        long decided = counts[0] + counts[1];
        return new Check(counts[0], counts[1], decided == 0 ? null : (double) counts[0] / decided, null);
    }

    /**
     * The "Check the acceptance rate" step of {@code acceptance-watch.bpmn}, whose timer says how often: measures,
     * and tells the managers when the rate falls below the floor or is back.
     */
    @Transactional
    public Check check() {
        Instant now = Instant.now(clock);
        AcceptanceFloor rule = floor();
        Check measured = measure(rule);
        long accepted = measured.accepted();
        long rejected = measured.rejected();
        Double rate = measured.rate();

        List<Boolean> raised = jdbc.queryForList("select raised from alert_state where name = ? for update",
                Boolean.class, ALERT);
        if (raised.isEmpty()) {
            jdbc.update("insert into alert_state (name, raised, changed_at) values (?, false, ?)", ALERT, utc(now));
            raised = List.of(false);
        }
        Verdict verdict = judge(raised.get(0), accepted, rejected, rule.minDecisions(), rule.floor());
        String figures = percent(rate) + " (" + accepted + " accepted, " + rejected + " rejected in the last "
                + rule.window().toDays() + " days)";
        if (verdict == Verdict.RAISED || verdict == Verdict.CLEARED) {
            boolean nowRaised = verdict == Verdict.RAISED;
            jdbc.update("update alert_state set raised = ?, detail = ?, changed_at = ? where name = ?", nowRaised,
                    figures, utc(now), ALERT);
            String subject = nowRaised
                    ? "Acceptance rate " + percent(rate) + " is below the floor of " + percent(rule.floor())
                    : "Acceptance rate back at " + percent(rate) + " (floor " + percent(rule.floor()) + ")";
            notifications.notify(sla.managerGroup(), subject, "Sales accepted " + figures + ". The floor is "
                    + percent(rule.floor()) + " of the MQLs marketing hands over.", null);
            log.warn("{}: {}", subject, figures);
        }
        return new Check(accepted, rejected, rate, verdict);
    }

    private static String percent(Double rate) {
        return rate == null ? "n/a" : Math.round(rate * 1000) / 10.0 + " %";
    }

}
