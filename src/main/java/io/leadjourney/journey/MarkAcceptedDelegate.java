package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import io.leadjourney.sla.ContactCadenceService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** "Mark accepted": the rep took the lead (SAL); the contact cadence starts afresh. */
@Component
class MarkAcceptedDelegate implements JavaDelegate {

    private final LeadStageService stages;
    private final ContactCadenceService cadence;
    private final SystemAuthentication system;

    MarkAcceptedDelegate(LeadStageService stages, ContactCadenceService cadence, SystemAuthentication system) {
        this.stages = stages;
        this.cadence = cadence;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stages.moveTo(JourneyVariables.leadId(execution), LeadStage.SAL, system.currentActor(), "Accepted by sales");
        execution.setVariable(LeadJourney.VAR_CALLS_MADE, 0);
        execution.setVariable(LeadJourney.VAR_EMAILS_MADE, 0);
        execution.setVariable(LeadJourney.VAR_LEAD_REACHED, false);
        execution.setVariable(LeadJourney.VAR_CONTRACT_USED_UP, false);
        execution.setVariable(LeadJourney.VAR_CADENCE_ENDS_AT, Date.from(cadence.windowEnd(
                JourneyVariables.requiredString(execution, LeadJourney.VAR_CADENCE_WINDOW))));
    }
}
