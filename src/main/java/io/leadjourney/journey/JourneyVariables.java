package io.leadjourney.journey;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the journey's variables, failing with the variable's name when one is missing. */
final class JourneyVariables {

    private JourneyVariables() {
    }

    static long leadId(VariableScope scope) {
        Object value = scope.getVariable(LeadJourney.VAR_LEAD_ID);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Process variable '" + LeadJourney.VAR_LEAD_ID + "' is missing");
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String requiredString(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number number ? number.intValue() : 0;
    }

    /** A date variable as an instant, or null when it is not set (journeys started before it existed). */
    static java.time.Instant instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof java.util.Date date ? date.toInstant() : null;
    }

    static boolean flag(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }
}
