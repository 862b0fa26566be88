package io.leadjourney.journey;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.Journeys;
import io.leadjourney.lead.Lead;
import io.leadjourney.opportunity.HandOffService;
import io.leadjourney.sla.SlaProperties;
import io.leadjourney.support.Chunks;
import io.leadjourney.support.EngineConflicts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine side of {@link Journeys}, the one way into the engine for capture and activity: start a lead's journey, and tell a
 * waiting journey that its lead engaged again.
 */
@Component
public class LeadJourneyGateway implements Journeys {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final SlaProperties sla;
    private final DecisionEvaluator decisions;
    private final SystemAuthentication system;
    private final ProcessEngineConfigurationImpl engine;
    private final HandOffService handOff;
    private final RecentClockRestarts recentRestarts;

    LeadJourneyGateway(ProcessEngine processEngine, SlaProperties sla, DecisionEvaluator decisions,
                       SystemAuthentication system, HandOffService handOff, RecentClockRestarts recentRestarts) {
        this.runtimeService = processEngine.getRuntimeService();
        this.managementService = processEngine.getManagementService();
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.sla = sla;
        this.decisions = decisions;
        this.system = system;
        this.handOff = handOff;
        this.recentRestarts = recentRestarts;
    }

    /**
     * Starts a journey for the lead, with business key = lead id. Joins the caller's transaction, so a lead is
     * never stored without its journey.
     *
     * @return the process instance id
     */
    @Override
    public String startJourney(Lead lead) {
        return system.call(() -> start(lead));
    }

    /**
     * As {@link #startJourney}, for many leads in the caller's transaction (an import chunk). The starts run
     * {@value #STARTS_PER_FLUSH} to an engine command, so the engine writes them in one flush: each kind of row
     * (executions, variables, their history, the "Score lead" jobs) goes to the database as one JDBC batch for
     * the group instead of one per lead. Larger groups cost more than they save: the engine orders a flush's
     * inserts by their references in time that grows with the square of their number (docs/api.md, "Importing lead
     * lists").
     */
    @Override
    public void startJourneys(List<Lead> leads) {
        system.run(() -> {
            for (List<Lead> group : Chunks.of(leads, STARTS_PER_FLUSH)) {
                engine.getCommandExecutorTxRequired().execute(commandContext -> {
                    group.forEach(this::start);
                    return null;
                });
            }
        });
    }

    /** How many journeys {@link #startJourneys} starts in one engine command. */
    static final int STARTS_PER_FLUSH = 25;

    private String start(Lead lead) {
        VariableMap variables = Variables.createVariables()
                .putValue(LeadJourney.VAR_LEAD_ID, lead.getId())
                .putValue(LeadJourney.VAR_LEAD_NAME, lead.displayName())
                .putValue(LeadJourney.VAR_COMPANY, lead.getCompany())
                .putValue(LeadJourney.VAR_MANAGER_GROUP, sla.managerGroup());
        variables.putAll(cadenceContract(lead));
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(LeadJourney.PROCESS_ID)
                .businessKey(String.valueOf(lead.getId()))
                .setVariables(variables)
                .execute();
        return instance.getId();
    }

    /**
     * The contact cadence the lead gets if sales accepts it ({@code contact-cadence.dmn}, by the estimated deal value
     * of {@code deal-value.dmn}, the size and the business model): calls, e-mails, the window in working days and
     * when the contract is used up, as the journey's variables.
     */
    private Map<String, Object> cadenceContract(Lead lead) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("dealValue", handOff.estimatedValue(lead));
        inputs.put("employees", lead.getEmployees());
        inputs.put("businessModel", lead.getBusinessModel());
        DecisionOutcome cadence = decisions.evaluate(DecisionKeys.CONTACT_CADENCE, inputs);
        Map<String, Object> contract = cadence.firstRule().orElseThrow(() -> new IllegalStateException("The "
                + cadence.versionTag() + " table matched no rule for lead " + lead.getId()
                + "; it needs a last rule that matches every lead"));
        Object usedUpWhen = contract.get("usedUpWhen");
        return Map.of(LeadJourney.VAR_MAX_CALLS, DecisionOutcome.intOutput(contract, "maxCalls"),
                LeadJourney.VAR_MAX_EMAILS, DecisionOutcome.intOutput(contract, "maxEmails"),
                LeadJourney.VAR_CADENCE_WINDOW, DecisionOutcome.stringOutput(contract, "cadenceWindow"),
                LeadJourney.VAR_CADENCE_USED_UP_WHEN, usedUpWhen == null ? "both" : usedUpWhen.toString());
    }

    /** Whether a journey of the lead is running. */
    @Override
    public boolean isOnJourney(long leadId) {
        return system.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(leadId)).count() > 0);
    }

    /**
     * The lead engaged without qualifying: if its journey waits in nurture, the "30 days without engagement"
     * clock starts again from now (the model's duration, recalculated); not again within a minute of the last
     * restart ({@link RecentClockRestarts}).
     */
    @Override
    public void restartInactivityClock(long leadId) {
        if (recentRestarts.restartedLately(leadId)) {
            return;
        }
        try {
            system.run(() -> runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(leadId)).list()
                    .forEach(journey -> managementService.createJobQuery().processInstanceId(journey.getId())
                            .activityId(LeadJourney.EVENT_NURTURE_INACTIVE).timers().list()
                            .forEach(timer -> managementService.recalculateJobDuedate(timer.getId(), false))));
            recentRestarts.restarted(leadId);
        } catch (ProcessEngineException failure) {
            throw conflictOrFailure(leadId, failure);
        }
    }

    /**
     * Correlates {@code lead.engaged} to the lead's journey if it waits in nurture.
     *
     * @return whether a journey was waiting and moved on
     */
    @Override
    public boolean reengage(long leadId) {
        try {
            return system.call(() -> !runtimeService.createMessageCorrelation(LeadJourney.MESSAGE_LEAD_ENGAGED)
                    .processInstanceBusinessKey(String.valueOf(leadId))
                    .correlateAllWithResult()
                    .isEmpty());
        } catch (ProcessEngineException failure) {
            throw conflictOrFailure(leadId, failure);
        }
    }

    /** The journey moved at the same moment (a timer fired): the caller's transaction is tried again. */
    private static RuntimeException conflictOrFailure(long leadId, ProcessEngineException failure) {
        if (!EngineConflicts.lostRace(failure)) {
            return failure;
        }
        return new ConcurrencyFailureException("Journey of lead " + leadId + " changed concurrently", failure);
    }
}
