package io.leadjourney.engagement;

import io.leadjourney.journey.LeadJourneyGateway;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.nurture.NurtureService;
import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.scoring.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Records what leads do and keeps their score current. Only a threshold crossing reaches the process:
 * a nurtured lead goes back into its journey, a dormant lead starts a new one.
 */
@Service
public class EngagementService {

    private static final Logger log = LoggerFactory.getLogger(EngagementService.class);

    private final EngagementEventRepository events;
    private final LeadRepository leads;
    private final ScoringService scoring;
    private final NurtureService nurture;
    private final LeadJourneyGateway journey;
    private final Clock clock;

    EngagementService(EngagementEventRepository events, LeadRepository leads, ScoringService scoring,
                      NurtureService nurture, LeadJourneyGateway journey, Clock clock) {
        this.events = events;
        this.leads = leads;
        this.scoring = scoring;
        this.nurture = nurture;
        this.journey = journey;
        this.clock = clock;
    }

    @Transactional
    public EngagementResult record(long leadId, NewEngagementEvent input) {
        // The row lock serialises events for one lead, so parallel events lose no points.
        Lead lead = leads.findForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        boolean wasQualified = lead.isQualified();
        EngagementEvent event = events.save(new EngagementEvent(leadId, input.type(), input.occurredAt(),
                Instant.now(clock)));
        ScoreCard card = scoring.rescore(leadId);
        boolean crossed = card.qualified() && !wasQualified;
        boolean reengaged = false;
        boolean woken = false;
        if (crossed && lead.getStage() == LeadStage.NURTURE) {
            reengaged = journey.reengage(leadId);
            if (reengaged) {
                nurture.endForReengagement(leadId);
                log.info("Lead {} re-engaged from nurture with score {}", leadId, card.totalScore());
            }
        } else if (crossed && lead.getStage() == LeadStage.DORMANT) {
            journey.startJourney(lead);
            woken = true;
            log.info("Dormant lead {} woke up with score {}: new journey", leadId, card.totalScore());
        }
        return new EngagementResult(leadId, event.getId(), card.engagementScore(), card.totalScore(),
                card.qualified(), lead.getStage(), reengaged, woken);
    }
}
