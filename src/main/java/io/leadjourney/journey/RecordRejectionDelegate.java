package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record rejection": sales sent the MQL back, with its reason (feedback for the quarterly review). */
@Component
class RecordRejectionDelegate implements JavaDelegate {

    private final LeadStageService stages;
    private final SystemAuthentication system;

    RecordRejectionDelegate(LeadStageService stages, SystemAuthentication system) {
        this.stages = stages;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = JourneyVariables.requiredString(execution, LeadJourney.VAR_REJECT_REASON);
        String note = JourneyVariables.string(execution, LeadJourney.VAR_REJECT_NOTE);
        stages.moveTo(JourneyVariables.leadId(execution), LeadStage.REJECTED, system.currentActor(),
                note == null || note.isBlank() ? reason : reason + ": " + note);
    }
}
