package io.leadjourney.journey;

import io.leadjourney.nurture.LeadRequalification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
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
        // The reason is the timer's label ("30 days without engagement"), so the timeline says what the model says.
        FlowElement timer = execution.getBpmnModelInstance().getModelElementById(LeadJourney.EVENT_NURTURE_INACTIVE);
        requalification.markDormant(JourneyVariables.leadId(execution), timer.getName());
    }
}
