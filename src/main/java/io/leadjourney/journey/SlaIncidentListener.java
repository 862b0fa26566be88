package io.leadjourney.journey;

import io.leadjourney.sla.Sla;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of "Accept lead" or "Reassign lead": if the acceptance SLA was breached, raises the {@code slaBreach}
 * incident on this task's execution, so Cockpit shows the overdue lead on the exact task where it waits now.
 * "Accept lead" consumes the pending breach; its completion resolves the incident.
 */
@Component
class SlaIncidentListener implements TaskListener {

    private final SlaIncidents incidents;

    SlaIncidentListener(SlaIncidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateTask task) {
        String breach = JourneyVariables.string(task, LeadJourney.VAR_PENDING_SLA_BREACH);
        if (breach == null) {
            return;
        }
        incidents.raiseOn(task.getExecutionId(), Sla.ACCEPT_LEAD, breach);
        if (LeadJourney.TASK_ACCEPT_LEAD.equals(task.getTaskDefinitionKey())) {
            task.getExecution().removeVariable(LeadJourney.VAR_PENDING_SLA_BREACH);
        }
    }
}
