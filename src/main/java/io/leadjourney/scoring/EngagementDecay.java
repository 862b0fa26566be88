package io.leadjourney.scoring;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How engagement ages, as {@code engagement-decay.dmn} says.
 *
 * @param decay    {@code HALF_LIFE}: an event's points halve every {@code halfLife}; {@code WINDOW}: only events of
 *                 the last {@code window} count, in full; {@code NONE}: activity never goes stale
 * @param halfLife default 30 days
 * @param window   default 90 days
 */
public record EngagementDecay(Decay decay, Duration halfLife, Duration window) {

    public enum Decay { HALF_LIFE, WINDOW, NONE }

    /** The deployed table's answer. */
    static EngagementDecay of(DecisionEvaluator decisions) {
        DecisionOutcome outcome = decisions.evaluate(DecisionKeys.ENGAGEMENT_DECAY, Map.of());
        Map<String, Object> rule = outcome.firstRule().orElseThrow(() -> new IllegalStateException("The "
                + outcome.versionTag() + " table matched no rule; it needs one"));
        String decay = DecisionOutcome.stringOutput(rule, "decay");
        try {
            return new EngagementDecay(Decay.valueOf(decay.trim().toUpperCase(Locale.ROOT)),
                    Duration.parse(DecisionOutcome.stringOutput(rule, "halfLife")),
                    Duration.parse(DecisionOutcome.stringOutput(rule, "window")));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new IllegalStateException("The " + outcome.versionTag() + " table says decay '" + decay
                    + "', half-life '" + rule.get("halfLife") + "', window '" + rule.get("window") + "'; it takes"
                    + " HALF_LIFE, WINDOW or NONE and ISO durations such as P30D", e);
        }
    }
}
