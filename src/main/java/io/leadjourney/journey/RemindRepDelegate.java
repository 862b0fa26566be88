package io.leadjourney.journey;

import io.leadjourney.sla.Sla;
import io.leadjourney.sla.SlaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind rep": a reminder timer fired; the SLA is named by the task's input parameter {@code sla}. */
@Component
class RemindRepDelegate implements JavaDelegate {

    private final SlaService slas;

    RemindRepDelegate(SlaService slas) {
        this.slas = slas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        slas.remind(JourneyVariables.leadId(execution),
                Sla.valueOf(JourneyVariables.requiredString(execution, LeadJourney.INPUT_SLA)));
    }
}
