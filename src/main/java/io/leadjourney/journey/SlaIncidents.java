package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.sla.Sla;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * SLA breaches as Cockpit incidents of type {@value LeadJourney#INCIDENT_SLA_BREACH}, so managers see overdue
 * leads where they already look. The incident's configuration names the SLA; it is resolved when the task it
 * is about completes.
 */
@Component
class SlaIncidents {

    private final RuntimeService runtimeService;
    private final SystemAuthentication system;

    SlaIncidents(RuntimeService runtimeService, SystemAuthentication system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    /** Raises the incident on the execution waiting at {@code waitingActivity}, so Cockpit shows it on that task. */
    void raiseWhereWaiting(DelegateExecution execution, String waitingActivity, Sla sla, String message) {
        system.run(() -> {
            List<Execution> waiting = runtimeService.createExecutionQuery()
                    .processInstanceId(execution.getProcessInstanceId())
                    .activityId(waitingActivity).list();
            String executionId = waiting.isEmpty() ? execution.getId() : waiting.get(0).getId();
            runtimeService.createIncident(LeadJourney.INCIDENT_SLA_BREACH, executionId, sla.name(), message);
        });
    }

    /** Raises the incident on a task's own execution. */
    void raiseOn(String executionId, Sla sla, String message) {
        system.run(() -> runtimeService.createIncident(LeadJourney.INCIDENT_SLA_BREACH, executionId, sla.name(),
                message));
    }

    /** Resolves the open breach incidents of this SLA in the process instance. */
    void resolve(String processInstanceId, Sla sla) {
        system.run(() -> {
            for (Incident incident : runtimeService.createIncidentQuery()
                    .processInstanceId(processInstanceId)
                    .incidentType(LeadJourney.INCIDENT_SLA_BREACH)
                    .configuration(sla.name()).list()) {
                runtimeService.resolveIncident(incident.getId());
            }
        });
    }
}
