package io.leadjourney.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the journey's variables, failing with the variable's name when one is missing. */
final class JourneyVariables {

    private JourneyVariables() {
    }

    /**
     * The lead a journey belongs to: its business key, which intake sets when it starts the journey and nobody can
     * change afterwards. Never the {@code leadId} variable, which is there for the forms and Cockpit: whoever may
     * work a task could try to rewrite a variable.
     */
    static long leadId(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Journey " + execution.getProcessInstanceId()
                    + " has no lead id as its business key: '" + key + "'", e);
        }
    }

    static long leadId(DelegateTask task) {
        return leadId(task.getExecution());
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
