package io.leadjourney.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a decision table answered: one map of outputs per matched rule, and which version answered.
 *
 * @param decisionKey the table's id, e.g. {@code lead-fit}
 * @param version     the deployed version that was evaluated
 * @param rules       the matched rules' outputs, in rule order
 */
public record DecisionOutcome(String decisionKey, int version, List<Map<String, Object>> rules) {

    public Optional<Map<String, Object>> firstRule() {
        return rules.isEmpty() ? Optional.empty() : Optional.of(rules.get(0));
    }

    /** {@code lead-fit:v3}: how a score receipt names the table that produced a line. */
    public String versionTag() {
        return decisionKey + ":v" + version;
    }

    public static int intOutput(Map<String, Object> rule, String name) {
        Object value = rule.get(name);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        return Integer.parseInt(value.toString().trim());
    }

    public static String stringOutput(Map<String, Object> rule, String name) {
        Object value = rule.get(name);
        return value == null ? null : value.toString();
    }
}
