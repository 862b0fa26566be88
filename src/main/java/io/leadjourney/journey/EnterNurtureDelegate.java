package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.nurture.NurtureService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enter nurture": back to marketing's nurture track; the reason is set by the flow that led here. */
@Component
class EnterNurtureDelegate implements JavaDelegate {

    private final NurtureService nurture;
    private final SystemAuthentication system;

    EnterNurtureDelegate(NurtureService nurture, SystemAuthentication system) {
        this.nurture = nurture;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = JourneyVariables.requiredString(execution, LeadJourney.VAR_NURTURE_REASON);
        String track = nurture.enroll(JourneyVariables.leadId(execution), reason, system.currentActor());
        execution.setVariable(LeadJourney.VAR_NURTURE_TRACK, track);
    }
}
