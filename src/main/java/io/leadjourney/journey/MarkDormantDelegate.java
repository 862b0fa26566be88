package io.leadjourney.journey;

import io.leadjourney.nurture.NurtureService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark dormant": the lead never engaged during nurture. */
@Component
class MarkDormantDelegate implements JavaDelegate {

    private final NurtureService nurture;

    MarkDormantDelegate(NurtureService nurture) {
        this.nurture = nurture;
    }

    @Override
    public void execute(DelegateExecution execution) {
        nurture.markDormant(JourneyVariables.leadId(execution), "No engagement for "
                + JourneyVariables.string(execution, LeadJourney.VAR_NURTURE_INACTIVITY));
    }
}
