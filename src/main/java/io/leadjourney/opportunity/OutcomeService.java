package io.leadjourney.opportunity;

import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import io.leadjourney.support.ConflictException;
import io.leadjourney.support.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * Records what sales reports for an SQL: won or lost. The outcome closes the lead's funnel ({@code WON} or
 * {@code LOST} in the stage log) and feeds conversion, deal value, velocity and win rates. Idempotent: the same
 * outcome posted again changes nothing; a different one is refused, because outcomes are final.
 */
@Service
public class OutcomeService {

    private static final Logger log = LoggerFactory.getLogger(OutcomeService.class);

    private final OpportunityRepository opportunities;
    private final LeadRepository leads;
    private final LeadStageService stages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeService(OpportunityRepository opportunities, LeadRepository leads, LeadStageService stages,
                   ApplicationEventPublisher events, Clock clock) {
        this.opportunities = opportunities;
        this.leads = leads;
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public OutcomeView record(long leadId, NewOutcome reported, String by) {
        // The lead's lock serialises two reports of the same deal.
        Lead lead = leads.lock(leadId);
        check(reported);
        Opportunity opportunity = opportunities.findByLeadId(leadId).orElseThrow(() -> new ConflictException(
                "Lead " + leadId + " was never handed to sales as an SQL (it is " + lead.getStage()
                        + "); only SQLs have deal outcomes"));
        LocalDate handedOff = opportunity.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (reported.closedOn().isBefore(handedOff)) {
            throw new InvalidFieldException("closedOn", "must not be before the hand-off to sales on " + handedOff);
        }
        long cycle = ChronoUnit.DAYS.between(handedOff, reported.closedOn());
        if (opportunity.isClosed()) {
            if (opportunity.sameOutcome(reported)) {
                return OutcomeView.of(opportunity, cycle, true);
            }
            throw new ConflictException("Lead " + leadId + " was already closed as " + opportunity.getOutcome()
                    + " on " + opportunity.getClosedOn() + " (recorded by " + opportunity.getOutcomeRecordedBy()
                    + "); outcomes are final");
        }
        opportunity.close(reported, Instant.now(clock), by);
        LeadStage stage = reported.outcome() == DealOutcome.WON ? LeadStage.WON : LeadStage.LOST;
        stages.moveTo(leadId, stage, by, reported.outcome() == DealOutcome.WON
                ? "Deal won: " + reported.value() + " " + reported.currency()
                : "Deal lost: " + reported.lostReason());
        events.publishEvent(new DealClosed(leadId, opportunity.getId(), reported.outcome(), reported.value(),
                reported.currency(), reported.closedOn(), reported.lostReason()));
        log.info("Lead {} closed as {} by {}", leadId, reported.outcome(), by);
        return OutcomeView.of(opportunity, cycle, false);
    }

    /** What the fields allow on their own is checked by validation; here, what they mean together. */
    private void check(NewOutcome reported) {
        if (reported.closedOn().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            throw new InvalidFieldException("closedOn", "must not be in the future");
        }
        if (reported.outcome() == DealOutcome.WON && reported.value() == null) {
            throw new InvalidFieldException("value", "is required for a won deal");
        }
        if (reported.outcome() == DealOutcome.WON && reported.lostReason() != null) {
            throw new InvalidFieldException("lostReason", "is only for a lost deal");
        }
        if (reported.outcome() == DealOutcome.LOST && reported.lostReason() == null) {
            throw new InvalidFieldException("lostReason", "is required for a lost deal");
        }
        if (reported.value() != null && reported.currency() == null) {
            throw new InvalidFieldException("currency", "is required with a value");
        }
        if (reported.currency() != null && !isKnownCurrency(reported.currency())) {
            throw new InvalidFieldException("currency", "'" + reported.currency() + "' is not an ISO 4217 code");
        }
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
