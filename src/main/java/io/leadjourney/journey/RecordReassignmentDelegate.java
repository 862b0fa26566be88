package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.routing.Assignment;
import io.leadjourney.routing.RoutingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record reassignment": a manager chose the rep by hand. */
@Component
class RecordReassignmentDelegate implements JavaDelegate {

    private final RoutingService routing;
    private final SystemAuthentication system;

    RecordReassignmentDelegate(RoutingService routing, SystemAuthentication system) {
        this.routing = routing;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String rep = JourneyVariables.requiredString(execution, LeadJourney.VAR_REASSIGN_TO).trim();
        Assignment assignment = routing.assignByHand(JourneyVariables.leadId(execution), rep, system.currentActor());
        execution.setVariable(LeadJourney.VAR_ASSIGNED_REP, assignment.repId());
        execution.setVariable(LeadJourney.VAR_ROUTING_REASON, assignment.reason());
        execution.setVariable(LeadJourney.VAR_REP_FOUND, true);
        execution.removeVariable(LeadJourney.VAR_REASSIGN_TO);
    }
}
