package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.sla.CadenceContract;
import io.leadjourney.sla.CadenceState;
import io.leadjourney.sla.ContactCadenceService;
import io.leadjourney.sla.ContactChannel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** "Log contact attempt": one call or e-mail against the cadence contract. */
@Component
class LogContactAttemptDelegate implements JavaDelegate {

    private final ContactCadenceService cadence;
    private final SystemAuthentication system;

    LogContactAttemptDelegate(ContactCadenceService cadence, SystemAuthentication system) {
        this.cadence = cadence;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CadenceState state = cadence.logAttempt(
                JourneyVariables.leadId(execution),
                system.currentActor(),
                ContactChannel.valueOf(JourneyVariables.requiredString(execution, LeadJourney.VAR_CONTACT_CHANNEL)),
                JourneyVariables.flag(execution, LeadJourney.VAR_LEAD_REACHED),
                JourneyVariables.string(execution, LeadJourney.VAR_CONTACT_NOTE),
                JourneyVariables.integer(execution, LeadJourney.VAR_CALLS_MADE),
                JourneyVariables.integer(execution, LeadJourney.VAR_EMAILS_MADE),
                new CadenceContract(JourneyVariables.integer(execution, LeadJourney.VAR_MAX_CALLS),
                        JourneyVariables.integer(execution, LeadJourney.VAR_MAX_EMAILS),
                        CadenceContract.UsedUpWhen.of(JourneyVariables.string(execution,
                                LeadJourney.VAR_CADENCE_USED_UP_WHEN)),
                        JourneyVariables.instant(execution, LeadJourney.VAR_CADENCE_ENDS_AT)));
        execution.setVariable(LeadJourney.VAR_CALLS_MADE, state.callsMade());
        execution.setVariable(LeadJourney.VAR_EMAILS_MADE, state.emailsMade());
        execution.setVariable(LeadJourney.VAR_ATTEMPTS_LEFT, state.summary());
        execution.setVariable(LeadJourney.VAR_CONTRACT_USED_UP, state.contractUsedUp());
        execution.setVariable(LeadJourney.VAR_NEXT_ATTEMPT_DUE,
                state.nextAttemptDue() == null ? null : Date.from(state.nextAttemptDue()));
        // The next attempt's form starts empty: its channel is the rep's choice, not the last one's.
        execution.setVariable(LeadJourney.VAR_CONTACT_CHANNEL, null);
        execution.setVariable(LeadJourney.VAR_CONTACT_NOTE, null);
    }
}
