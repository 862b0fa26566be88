package io.leadjourney.journey;

import io.leadjourney.routing.Assignment;
import io.leadjourney.routing.RoutingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Route lead": the routing table picks the band, round robin picks the rep (never the one who lapsed). */
@Component
class RouteLeadDelegate implements JavaDelegate {

    private final RoutingService routing;

    RouteLeadDelegate(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String lapsedRep = JourneyVariables.string(execution, LeadJourney.VAR_LAPSED_REP);
        Assignment assignment = routing.assign(JourneyVariables.leadId(execution), lapsedRep);
        execution.setVariable(LeadJourney.VAR_ASSIGNED_REP, assignment.repId());
        execution.setVariable(LeadJourney.VAR_ASSIGNED_GROUP, assignment.group());
        execution.setVariable(LeadJourney.VAR_ROUTING_REASON, assignment.reason());
        execution.setVariable(LeadJourney.VAR_REP_FOUND, assignment.hasRep());
        execution.removeVariable(LeadJourney.VAR_LAPSED_REP);
    }
}
