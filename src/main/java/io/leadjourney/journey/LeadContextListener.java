package io.leadjourney.journey;

import io.leadjourney.sla.ContactCadenceService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * On task creation: writes the lead's context onto the journey, so the task and its history show the lead as it was
 * when the task was created, and the lead, company and score onto the task for its Tasklist card; the form shows it as it is when opened ({@link FormVariablesFilter}). The first contact
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
        Map<String, Object> lead = context.of(JourneyVariables.leadId(task));
        task.getExecution().setVariables(lead);
        Map<String, Object> card = new HashMap<>();
        card.put(LeadJourney.VAR_CARD_LEAD, lead.get(LeadJourney.VAR_LEAD_NAME));
        card.put(LeadJourney.VAR_CARD_COMPANY, lead.get(LeadJourney.VAR_COMPANY));
        card.put(LeadJourney.VAR_CARD_SCORE, lead.get(LeadJourney.VAR_SCORE));
        task.setVariablesLocal(card);
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
