package io.leadjourney.opportunity;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Hands a sales-qualified lead to the pipeline: stage SQL, an opportunity with an estimated deal value. */
@Service
public class HandOffService {

    private static final Logger log = LoggerFactory.getLogger(HandOffService.class);
    static final String OUT_VALUE = "estimatedValue";

    private final OpportunityRepository opportunities;
    private final LeadRepository leads;
    private final LeadStageService stages;
    private final DecisionEvaluator decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandOffService(OpportunityRepository opportunities, LeadRepository leads, LeadStageService stages,
                   DecisionEvaluator decisions, ApplicationEventPublisher events, Clock clock) {
        this.opportunities = opportunities;
        this.leads = leads;
        this.stages = stages;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a deal with the lead is likely worth, as {@code deal-value.dmn} estimates it (0 when no rule matches): the
     * opportunity's value at hand-off, and what the contact cadence is chosen by at the start of the journey.
     */
    public BigDecimal estimatedValue(Lead lead) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("employees", lead.getEmployees());
        DecisionOutcome estimate = decisions.evaluate(DecisionKeys.DEAL_VALUE, inputs);
        return estimate.firstRule().map(rule -> new BigDecimal(String.valueOf(rule.get(OUT_VALUE))))
                .orElse(BigDecimal.ZERO);
    }

    /** Idempotent: a retried hand-off finds the opportunity it already created. */
    @Transactional
    public Opportunity handOff(long leadId, String temperature, String by) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        Opportunity opportunity = opportunities.findByLeadId(leadId).orElseGet(() -> opportunities.save(
                new Opportunity(leadId, estimatedValue(lead), temperature, Instant.now(clock), by)));
        stages.moveTo(leadId, LeadStage.SQL, by, "Discovery call: ready for a sales conversation ("
                + temperature + ")");
        events.publishEvent(new LeadHandedOff(leadId, opportunity.getId(), opportunity.getEstimatedValue(),
                temperature));
        log.info("Lead {} handed to sales as opportunity {} worth {}", leadId, opportunity.getId(),
                opportunity.getEstimatedValue());
        return opportunity;
    }
}
