package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.opportunity.HandOffService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand off to sales": the lead is an SQL; an opportunity goes to the pipeline. */
@Component
class HandOffToSalesDelegate implements JavaDelegate {

    private final HandOffService handOff;
    private final SystemAuthentication system;

    HandOffToSalesDelegate(HandOffService handOff, SystemAuthentication system) {
        this.handOff = handOff;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handOff.handOff(JourneyVariables.leadId(execution),
                JourneyVariables.string(execution, LeadJourney.VAR_TEMPERATURE), system.currentActor());
    }
}
