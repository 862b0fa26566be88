package io.leadjourney.journey;

import io.leadjourney.lead.RejectReason;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.sla.ContactChannel;
import io.leadjourney.sla.Sla;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Set;

/**
 * On task completion: checks the rep's input on the server too (a form can be bypassed through
 * {@code /engine-rest}), then resolves the SLA incident the task was holding open.
 */
@Component
class TaskCompletionListener implements TaskListener {

    private static final Set<String> DECISIONS = Set.of(LeadJourney.DECISION_ACCEPT, LeadJourney.DECISION_REJECT);
    private static final Set<String> OUTCOMES = Set.of(LeadJourney.OUTCOME_READY, LeadJourney.OUTCOME_NEEDS_NURTURE,
            LeadJourney.OUTCOME_SUSPECT);

    private final SlaIncidents incidents;
    private final RoutingService routing;

    TaskCompletionListener(SlaIncidents incidents, RoutingService routing) {
        this.incidents = incidents;
        this.routing = routing;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case LeadJourney.TASK_ACCEPT_LEAD -> {
                String decision = oneOf(task, LeadJourney.VAR_ACCEPT_DECISION, DECISIONS);
                if (LeadJourney.DECISION_REJECT.equals(decision)) {
                    oneOf(task, LeadJourney.VAR_REJECT_REASON, names(RejectReason.values()));
                }
                incidents.resolve(task.getProcessInstanceId(), Sla.ACCEPT_LEAD);
            }
            case LeadJourney.TASK_FIRST_CONTACT -> {
                checkContactAttempt(task);
                incidents.resolve(task.getProcessInstanceId(), Sla.FIRST_CONTACT);
            }
            case LeadJourney.TASK_CONTACT_ATTEMPT -> checkContactAttempt(task);
            case LeadJourney.TASK_DISCOVERY_CALL -> oneOf(task, LeadJourney.VAR_DISCOVERY_OUTCOME, OUTCOMES);
            case LeadJourney.TASK_REASSIGN_LEAD -> {
                String rep = JourneyVariables.string(task, LeadJourney.VAR_REASSIGN_TO);
                if (rep == null || !routing.isActiveRep(rep.trim())) {
                    throw new BadUserRequestException("'" + LeadJourney.VAR_REASSIGN_TO
                            + "' must be the user id of an active rep, was '" + rep + "'");
                }
                incidents.resolve(task.getProcessInstanceId(), Sla.ACCEPT_LEAD);
            }
            default -> {
                // no input to check
            }
        }
    }

    private static void checkContactAttempt(DelegateTask task) {
        oneOf(task, LeadJourney.VAR_CONTACT_CHANNEL, names(ContactChannel.values()));
        if (!(task.getVariable(LeadJourney.VAR_LEAD_REACHED) instanceof Boolean)) {
            throw new BadUserRequestException("'" + LeadJourney.VAR_LEAD_REACHED + "' must be true or false");
        }
    }

    private static String oneOf(DelegateTask task, String variable, Set<String> allowed) {
        String value = JourneyVariables.string(task, variable);
        if (value == null || !allowed.contains(value)) {
            throw new BadUserRequestException("'" + variable + "' must be one of " + allowed.stream().sorted().toList()
                    + ", was " + (value == null ? "missing" : "'" + value + "'"));
        }
        return value;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
