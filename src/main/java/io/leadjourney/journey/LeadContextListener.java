package io.leadjourney.journey;

import io.leadjourney.sla.ContactCadenceService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task creation: refreshes the lead's context so the form shows the lead as it is now. The first contact
 * attempt is due when the model says its task is (the first-contact SLA), and its form says so.
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
        task.getExecution().setVariables(context.of(JourneyVariables.leadId(task)));
        if (LeadJourney.TASK_FIRST_CONTACT.equals(task.getTaskDefinitionKey()) && task.getDueDate() != null) {
            task.getExecution().setVariable(LeadJourney.VAR_ATTEMPTS_LEFT, cadence.start(
                    JourneyVariables.integer(task.getExecution(), LeadJourney.VAR_MAX_CALLS),
                    JourneyVariables.integer(task.getExecution(), LeadJourney.VAR_MAX_EMAILS),
                    task.getDueDate().toInstant()).summary());
        }
        if (LeadJourney.TASK_CONTACT_ATTEMPT.equals(task.getTaskDefinitionKey())) {
            task.getExecution().setVariable(LeadJourney.VAR_EARLIER_ATTEMPTS,
                    cadence.earlierAttempts(JourneyVariables.leadId(task)));
        }
    }
}
