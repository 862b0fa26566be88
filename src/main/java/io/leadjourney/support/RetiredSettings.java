package io.leadjourney.support;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start with a business rule still set the way earlier releases read it (application.yaml or the
 * environment), naming the model that holds it now. Spring would ignore such a setting silently, and a team that
 * upgraded with its holidays in {@code leadjourney.calendar.holidays} would get deadlines on its holidays.
 */
@Component
class RetiredSettings {

    /** Property prefix, and where the rule lives now. */
    static final Map<String, String> MOVED = movedRules();

    RetiredSettings(Environment environment) {
        List<String> found = new ArrayList<>();
        MOVED.forEach((property, now) -> {
            if (isSet(environment, property)) {
                found.add(property + " (now " + now + ")");
            }
        });
        if (!found.isEmpty()) {
            throw new IllegalStateException("These settings are no longer read; the rules live in the models"
                    + " (docs/process-owners.md). Move each to its model and remove it: " + String.join("; ", found));
        }
    }

    /** Set as a value, a YAML list ({@code holidays[0]}) or map, or an environment variable. */
    private static boolean isSet(Environment environment, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null
                    || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> movedRules() {
        Map<String, String> moved = new LinkedHashMap<>();
        String calendar = "bpmn/working-calendar.dmn";
        for (String key : List.of("mode", "zone", "working-days", "opens", "closes", "holidays")) {
            moved.put("leadjourney.calendar." + key, calendar);
        }
        moved.put("leadjourney.routing.weigh-by-win-rate", "bpmn/round-robin-weighting.dmn");
        moved.put("leadjourney.routing.min-closed-deals", "bpmn/round-robin-weighting.dmn");
        for (String key : List.of("accept-remind-after", "accept-escalate-after", "first-contact-remind-after",
                "first-contact-breach-after")) {
            moved.put("leadjourney.sla." + key, "the timers of bpmn/lead-journey.bpmn");
        }
        for (String key : List.of("cadence-window", "cadence-max-calls", "cadence-max-emails")) {
            moved.put("leadjourney.sla." + key, "bpmn/contact-cadence.dmn");
        }
        moved.put("leadjourney.nurture.inactivity", "the \"30 days without engagement\" timer of bpmn/lead-journey.bpmn");
        for (String key : List.of("decay", "half-life", "window")) {
            moved.put("leadjourney.scoring." + key, "bpmn/engagement-decay.dmn");
        }
        for (String key : List.of("floor", "window", "min-decisions")) {
            moved.put("leadjourney.acceptance." + key, "bpmn/acceptance-floor.dmn");
        }
        moved.put("leadjourney.acceptance.check-interval", "the timer of bpmn/acceptance-watch.bpmn");
        moved.put("leadjourney.funnel.quarterly-mql-commitment", "bpmn/mql-commitment.dmn");
        for (String key : List.of("poll-interval", "max-attempts", "retry-after")) {
            moved.put("leadjourney.mail." + key, "the retry cycle of bpmn/notification-email.bpmn");
        }
        return Map.copyOf(moved);
    }
}
