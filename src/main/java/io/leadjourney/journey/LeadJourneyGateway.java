package io.leadjourney.journey;

import io.leadjourney.lead.Lead;
import io.leadjourney.nurture.NurtureProperties;
import io.leadjourney.sla.SlaProperties;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The one way into the engine for {@code lead} and {@code engagement}: start a lead's journey, and tell a
 * waiting journey that its lead engaged again.
 */
@Component
public class LeadJourneyGateway {

    private final RuntimeService runtimeService;
    private final SlaProperties sla;
    private final NurtureProperties nurture;
    private final SystemAuthentication system;

    LeadJourneyGateway(RuntimeService runtimeService, SlaProperties sla, NurtureProperties nurture,
                       SystemAuthentication system) {
        this.runtimeService = runtimeService;
        this.sla = sla;
        this.nurture = nurture;
        this.system = system;
    }

    /**
     * Starts a journey for the lead, with business key = lead id. Joins the caller's transaction, so a lead is
     * never stored without its journey.
     *
     * @return the process instance id
     */
    public String startJourney(Lead lead) {
        VariableMap variables = Variables.createVariables()
                .putValue(LeadJourney.VAR_LEAD_ID, lead.getId())
                .putValue(LeadJourney.VAR_LEAD_NAME, lead.displayName())
                .putValue(LeadJourney.VAR_COMPANY, lead.getCompany())
                .putValue(LeadJourney.VAR_ACCEPT_REMIND_AFTER, sla.acceptRemindAfter())
                .putValue(LeadJourney.VAR_ACCEPT_ESCALATE_AFTER, sla.acceptEscalateAfter())
                .putValue(LeadJourney.VAR_FIRST_CONTACT_REMIND_AFTER, sla.firstContactRemindAfter())
                .putValue(LeadJourney.VAR_FIRST_CONTACT_BREACH_AFTER, sla.firstContactBreachAfter())
                .putValue(LeadJourney.VAR_CADENCE_WINDOW, sla.cadenceWindow())
                .putValue(LeadJourney.VAR_MAX_CALLS, sla.cadenceMaxCalls())
                .putValue(LeadJourney.VAR_MAX_EMAILS, sla.cadenceMaxEmails())
                .putValue(LeadJourney.VAR_MANAGER_GROUP, sla.managerGroup())
                .putValue(LeadJourney.VAR_NURTURE_INACTIVITY, nurture.inactivity());
        ProcessInstance instance = system.call(() -> runtimeService
                .createProcessInstanceByKey(LeadJourney.PROCESS_ID)
                .businessKey(String.valueOf(lead.getId()))
                .setVariables(variables)
                .execute());
        return instance.getId();
    }

    /**
     * Correlates {@code lead.engaged} to the lead's journey if it waits in nurture.
     *
     * @return whether a journey was waiting and moved on
     */
    public boolean reengage(long leadId) {
        try {
            return system.call(() -> !runtimeService.createMessageCorrelation(LeadJourney.MESSAGE_LEAD_ENGAGED)
                    .processInstanceBusinessKey(String.valueOf(leadId))
                    .correlateAllWithResult()
                    .isEmpty());
        } catch (ProcessEngineException failure) {
            if (!EngineConflicts.lostRace(failure)) {
                throw failure;
            }
            // The journey moved at the same moment (a timer fired): the caller's transaction is tried again.
            throw new ConcurrencyFailureException("Journey of lead " + leadId + " changed concurrently", failure);
        }
    }
}
