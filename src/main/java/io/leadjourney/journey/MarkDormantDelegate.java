package io.leadjourney.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark dormant": the lead never engaged during nurture (or qualified too late to re-engage, and wakes up). */
@Component
class MarkDormantDelegate implements JavaDelegate {

    private final LeadRequalification requalification;

    MarkDormantDelegate(LeadRequalification requalification) {
        this.requalification = requalification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requalification.markDormant(JourneyVariables.leadId(execution), "No engagement for "
                + JourneyVariables.string(execution, LeadJourney.VAR_NURTURE_INACTIVITY));
    }
}
