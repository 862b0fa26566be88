package io.leadjourney.journey;

import io.leadjourney.sla.Sla;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task completion: checks the rep's input once more inside the engine ({@link TaskInputRules}; over HTTP
 * {@link TaskInputFilter} has already answered a wrong value with a 400), then resolves the SLA incident the task
 * was holding open.
 */
@Component
class TaskCompletionListener implements TaskListener {

    private final SlaIncidents incidents;
    private final TaskInputRules rules;

    TaskCompletionListener(SlaIncidents incidents, TaskInputRules rules) {
        this.incidents = incidents;
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        rules.check(task.getTaskDefinitionKey(), task::getVariable);
        switch (task.getTaskDefinitionKey()) {
            case LeadJourney.TASK_ACCEPT_LEAD, LeadJourney.TASK_REASSIGN_LEAD ->
                    incidents.resolve(task.getProcessInstanceId(), Sla.ACCEPT_LEAD);
            case LeadJourney.TASK_FIRST_CONTACT -> incidents.resolve(task.getProcessInstanceId(), Sla.FIRST_CONTACT);
            default -> {
                // no SLA incident to resolve
            }
        }
    }
}
