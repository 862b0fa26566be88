package io.leadjourney.journey;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.lead.RejectReason;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.sla.ContactChannel;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What each of the journey's user tasks takes from the rep, checked on the server: the forms check it in the browser,
 * but a form can be bypassed. One rule set for both places it is enforced: before completion reaches the engine
 * over HTTP ({@link TaskInputFilter}, a 400 naming the field) and on completion inside the engine
 * ({@link TaskCompletionListener}, for callers of the Java API).
 */
@Component
class TaskInputRules {

    static final String OUT_READY = "ready";
    static final String OUT_REASON = "reason";
    private static final Set<String> DECISIONS = Set.of(LeadJourney.DECISION_ACCEPT, LeadJourney.DECISION_REJECT);
    private static final Set<String> OUTCOMES = Set.of(LeadJourney.OUTCOME_READY, LeadJourney.OUTCOME_NEEDS_NURTURE,
            LeadJourney.OUTCOME_SUSPECT);

    private final RoutingService routing;
    private final DecisionEvaluator decisions;

    TaskInputRules(RoutingService routing, DecisionEvaluator decisions) {
        this.routing = routing;
        this.decisions = decisions;
    }

    /**
     * Checks the input of a task.
     *
     * @param taskDefinitionKey the task's id in the BPMN
     * @param input             a value by variable name, null when it is not given
     * @throws InvalidTaskInputException naming the first field that is wrong
     */
    void check(String taskDefinitionKey, Function<String, Object> input) {
        switch (taskDefinitionKey) {
            case LeadJourney.TASK_ACCEPT_LEAD -> {
                String decision = oneOf(input, LeadJourney.VAR_ACCEPT_DECISION, DECISIONS);
                if (LeadJourney.DECISION_REJECT.equals(decision)) {
                    oneOf(input, LeadJourney.VAR_REJECT_REASON, names(RejectReason.values()));
                }
            }
            case LeadJourney.TASK_FIRST_CONTACT, LeadJourney.TASK_CONTACT_ATTEMPT -> {
                oneOf(input, LeadJourney.VAR_CONTACT_CHANNEL, names(ContactChannel.values()));
                if (!(input.apply(LeadJourney.VAR_LEAD_REACHED) instanceof Boolean)) {
                    throw new InvalidTaskInputException(LeadJourney.VAR_LEAD_REACHED, "must be true or false");
                }
            }
            case LeadJourney.TASK_DISCOVERY_CALL -> {
                String outcome = oneOf(input, LeadJourney.VAR_DISCOVERY_OUTCOME, OUTCOMES);
                if (LeadJourney.OUTCOME_READY.equals(outcome)) {
                    passesSqlGate(input);
                }
            }
            case LeadJourney.TASK_REASSIGN_LEAD -> {
                Object rep = input.apply(LeadJourney.VAR_REASSIGN_TO);
                if (!(rep instanceof String id) || !routing.isActiveRep(id.trim())) {
                    throw new InvalidTaskInputException(LeadJourney.VAR_REASSIGN_TO,
                            "must be the user id of an active rep, was " + shown(rep));
                }
            }
            default -> {
                // no input to check
            }
        }
    }

    /** "Ready" hands the lead to sales: the {@code sql-gate} table says whether what the rep recorded allows it. */
    private void passesSqlGate(Function<String, Object> input) {
        Map<String, Object> bant = new HashMap<>();
        for (String field : List.of(LeadJourney.VAR_BANT_NEED, LeadJourney.VAR_BANT_BUDGET,
                LeadJourney.VAR_BANT_AUTHORITY)) {
            bant.put(field, Boolean.TRUE.equals(input.apply(field)));
        }
        DecisionOutcome gate = decisions.evaluate(DecisionKeys.SQL_GATE, bant);
        Map<String, Object> verdict = gate.firstRule().orElseThrow(() -> new IllegalStateException("The "
                + gate.versionTag() + " table matched no rule; it needs a last rule that matches every call"));
        if (!Boolean.TRUE.equals(verdict.get(OUT_READY))) {
            throw new InvalidTaskInputException(LeadJourney.VAR_DISCOVERY_OUTCOME,
                    DecisionOutcome.stringOutput(verdict, OUT_REASON));
        }
    }

    private static String oneOf(Function<String, Object> input, String field, Set<String> allowed) {
        Object value = input.apply(field);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new InvalidTaskInputException(field, "must be one of " + allowed.stream().sorted().toList()
                    + ", was " + shown(value));
        }
        return text;
    }

    private static String shown(Object value) {
        return value == null ? "missing" : "'" + value + "'";
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
