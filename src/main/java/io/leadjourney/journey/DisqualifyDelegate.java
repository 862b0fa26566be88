package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Disqualify": a suspect with no intent to buy, or a lead sales rejected as not a fit. */
@Component
class DisqualifyDelegate implements JavaDelegate {

    private final LeadStageService stages;
    private final SystemAuthentication system;

    DisqualifyDelegate(LeadStageService stages, SystemAuthentication system) {
        this.stages = stages;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stages.moveTo(JourneyVariables.leadId(execution), LeadStage.DISQUALIFIED, system.currentActor(),
                JourneyVariables.requiredString(execution, LeadJourney.VAR_DISQUALIFY_REASON));
    }
}
