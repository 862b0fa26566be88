package io.leadjourney.journey;

import io.leadjourney.sla.Sla;
import io.leadjourney.sla.SlaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record SLA breach": a breach timer fired. Records the breach, tells the managers, raises a {@code slaBreach}
 * incident for Cockpit (on the waiting task, or on the task the lead waits at next when the escalation
 * interrupted it) and remembers the rep who let it lapse so routing can pass them over.
 */
@Component
class RecordSlaBreachDelegate implements JavaDelegate {

    private final SlaService slas;
    private final SlaIncidents incidents;

    RecordSlaBreachDelegate(SlaService slas, SlaIncidents incidents) {
        this.slas = slas;
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Sla sla = Sla.valueOf(JourneyVariables.requiredString(execution, LeadJourney.INPUT_SLA));
        SlaService.Breach breach = slas.recordBreach(JourneyVariables.leadId(execution), sla,
                execution.getProcessInstanceId());
        String message = breach.message();
        String waitingActivity = JourneyVariables.string(execution, LeadJourney.INPUT_WAITING_ACTIVITY);
        if (waitingActivity != null) {
            incidents.raiseWhereWaiting(execution, waitingActivity, sla, message);
        } else {
            // The escalation interrupted the task: the incident is raised where the lead waits next.
            execution.setVariable(LeadJourney.VAR_PENDING_SLA_BREACH, message);
        }
        if (sla == Sla.ACCEPT_LEAD) {
            execution.setVariable(LeadJourney.VAR_LAPSED_REP, breach.repId());
        }
    }
}
