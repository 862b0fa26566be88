package io.leadjourney.sla;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Sales' side of the SLA, as {@code acceptance-floor.dmn} states it: of the MQLs marketing hands over, sales accepts
 * at least {@code floor}, measured over the trailing {@code window}, once it has made {@code minDecisions}.
 */
public record AcceptanceFloor(double floor, Duration window, int minDecisions) {

    /** The deployed table's answer. */
    static AcceptanceFloor of(DecisionEvaluator decisions) {
        DecisionOutcome outcome = decisions.evaluate(DecisionKeys.ACCEPTANCE_FLOOR, Map.of());
        Map<String, Object> rule = outcome.firstRule().orElseThrow(() -> new IllegalStateException(
                "The " + outcome.versionTag() + " table matched no rule; it needs one"));
        Object floor = rule.get("floor");
        String window = DecisionOutcome.stringOutput(rule, "window");
        Duration parsed;
        try {
            parsed = Duration.parse(window);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("The " + outcome.versionTag() + " table's window '" + window
                    + "' is not an ISO duration of days such as P30D", e);
        }
        if (!(floor instanceof Number share) || share.doubleValue() < 0 || share.doubleValue() > 1) {
            throw new IllegalStateException("The " + outcome.versionTag() + " table's floor '" + floor
                    + "' is not a share between 0 and 1 such as 0.90");
        }
        return new AcceptanceFloor(share.doubleValue(), parsed, DecisionOutcome.intOutput(rule, "minDecisions"));
    }
}
