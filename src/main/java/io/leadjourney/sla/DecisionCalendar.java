package io.leadjourney.sla;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The team's calendar as sales ops keep it in {@code working-calendar.dmn}: the decision {@code working-calendar-zone}
 * names the zone, the table {@code working-calendar} gives each date's hours (a rule that leaves them empty makes
 * the day a day off; a rule on the month and day, such as {@code 12-25}, holds every year). A version deployed from Modeler counts for the next deadline; each date is evaluated once per
 * version (the evaluator remembers its answers).
 */
@Component
class DecisionCalendar implements TeamCalendar {

    static final String IN_DATE = "date";
    static final String IN_MONTH_DAY = "monthDay";
    static final String IN_DAY_OF_WEEK = "dayOfWeek";
    static final String OUT_OPENS = "opens";
    static final String OUT_CLOSES = "closes";
    static final String OUT_ZONE = "zone";

    private final DecisionEvaluator decisions;

    DecisionCalendar(DecisionEvaluator decisions) {
        this.decisions = decisions;
    }

    @Override
    public ZoneId zone() {
        DecisionOutcome outcome = decisions.evaluate(DecisionKeys.WORKING_CALENDAR_ZONE, Map.of());
        String zone = outcome.firstRule().map(rule -> DecisionOutcome.stringOutput(rule, OUT_ZONE)).orElse(null);
        try {
            return ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(outcome.versionTag() + " names the zone '" + zone
                    + "'; it takes a region such as \"Europe/Berlin\" or \"UTC\"", e);
        }
    }

    @Override
    public Optional<Hours> hoursOn(LocalDate date) {
        DecisionOutcome outcome = decisions.evaluate(DecisionKeys.WORKING_CALENDAR,
                Map.of(IN_DATE, date.toString(), IN_MONTH_DAY, date.toString().substring(5),
                        IN_DAY_OF_WEEK, date.getDayOfWeek().name()));
        Map<String, Object> rule = outcome.firstRule().orElseThrow(() -> new IllegalStateException(
                outcome.versionTag() + " matched no rule for " + date + "; it needs a last rule for every day"));
        String opens = DecisionOutcome.stringOutput(rule, OUT_OPENS);
        String closes = DecisionOutcome.stringOutput(rule, OUT_CLOSES);
        if (isBlank(opens) && isBlank(closes)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Hours(LocalTime.parse(opens.trim()), LocalTime.parse(closes.trim())));
        } catch (RuntimeException e) {
            throw new IllegalStateException(outcome.versionTag() + " gives " + date + " the hours '" + opens
                    + "' to '" + closes + "'; a working day takes both, such as \"09:00\" and \"17:00\", opening"
                    + " first, and a day off neither", e);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
