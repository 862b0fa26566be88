package io.leadjourney.journey;

import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark accepted": the rep took the lead (SAL); the contact cadence starts afresh. */
@Component
class MarkAcceptedDelegate implements JavaDelegate {

    private final LeadStageService stages;
    private final SystemAuthentication system;

    MarkAcceptedDelegate(LeadStageService stages, SystemAuthentication system) {
        this.stages = stages;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stages.moveTo(JourneyVariables.leadId(execution), LeadStage.SAL, system.currentActor(), "Accepted by sales");
        int maxCalls = JourneyVariables.integer(execution, LeadJourney.VAR_MAX_CALLS);
        int maxEmails = JourneyVariables.integer(execution, LeadJourney.VAR_MAX_EMAILS);
        execution.setVariable(LeadJourney.VAR_CALLS_MADE, 0);
        execution.setVariable(LeadJourney.VAR_EMAILS_MADE, 0);
        execution.setVariable(LeadJourney.VAR_LEAD_REACHED, false);
        execution.setVariable(LeadJourney.VAR_CONTRACT_USED_UP, false);
        execution.setVariable(LeadJourney.VAR_ATTEMPTS_LEFT,
                maxCalls + " call(s) and " + maxEmails + " e-mail(s) left");
    }
}
