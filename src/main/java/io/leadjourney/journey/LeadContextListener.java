package io.leadjourney.journey;

import io.leadjourney.sla.ContactCadenceService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * On task creation: the lead, company and score onto the task for its Tasklist card. The form reads the rest of the
 * lead's context as it is when the rep opens it ({@link FormVariablesFilter}); the journey does not keep a copy,
 * so its variables are only what the process decides on. The first contact attempt is due when the model says its
 * task is (the first-contact SLA), and its form says so.
 */
@Component
class LeadContextListener implements TaskListener {

    private final LeadFormContext context;
    private final ContactCadenceService cadence;

    LeadContextListener(LeadFormContext context, ContactCadenceService cadence) {
        this.context = context;
        this.cadence = cadence;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(context.cardOf(JourneyVariables.leadId(task)));
        switch (task.getTaskDefinitionKey()) {
            // The contract as it starts, the first attempt due when the model's due date says.
            case LeadJourney.TASK_FIRST_CONTACT -> task.getExecution().setVariable(LeadJourney.VAR_ATTEMPTS_LEFT,
                    cadence.start(JourneyVariables.integer(task.getExecution(), LeadJourney.VAR_MAX_CALLS),
                            JourneyVariables.integer(task.getExecution(), LeadJourney.VAR_MAX_EMAILS),
                            task.getDueDate() == null ? null : task.getDueDate().toInstant()).summary());
            case LeadJourney.TASK_CONTACT_ATTEMPT -> task.getExecution().setVariable(
                    LeadJourney.VAR_EARLIER_ATTEMPTS, cadence.earlierAttempts(JourneyVariables.leadId(task)));
            case LeadJourney.TASK_REASSIGN_LEAD -> task.getExecution().setVariable(LeadJourney.VAR_ACTIVE_REPS,
                    SpinValues.jsonValue(context.activeReps()).create());
            default -> {
                // the lead's context is all these forms show
            }
        }
    }
}
