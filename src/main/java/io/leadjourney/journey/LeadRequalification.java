package io.leadjourney.journey;

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

/**
 * Rescores a lead after something changed (an event, a new form) and reacts only to a threshold crossing:
 * a nurtured lead goes back into its journey, a dormant lead starts a new one ("dead leads are not dead").
 */
@Service
public class LeadRequalification {

    private static final Logger log = LoggerFactory.getLogger(LeadRequalification.class);

    private final LeadRepository leads;
    private final ScoringService scoring;
    private final NurtureService nurture;
    private final LeadJourneyGateway journey;

    LeadRequalification(LeadRepository leads, ScoringService scoring, NurtureService nurture,
                        LeadJourneyGateway journey) {
        this.leads = leads;
        this.scoring = scoring;
        this.nurture = nurture;
        this.journey = journey;
    }

    /**
     * What rescoring did.
     *
     * @param reengaged a nurtured lead crossed the MQL threshold and went back into its journey
     * @param woken     a dormant lead crossed the MQL threshold and started a new journey
     */
    public record Outcome(ScoreCard card, LeadStage stage, boolean reengaged, boolean woken) {
    }

    /** Only a nurtured or dormant lead reacts to a threshold crossing; for others the baseline can be skipped. */
    public boolean mayCross(Lead lead) {
        return lead.getStage() == LeadStage.NURTURE || lead.getStage() == LeadStage.DORMANT;
    }

    /**
     * Rescores the lead as of now, before a change: engagement decays, so whether the lead qualifies is worked
     * out afresh rather than read from the last stored score.
     */
    @Transactional
    public boolean qualifiesNow(long leadId) {
        return scoring.rescore(leadId).qualified();
    }

    /**
     * Rescores the lead after a change and reacts if it crossed the threshold.
     *
     * @param wasQualified what {@link #qualifiesNow} answered before the change
     */
    @Transactional
    public Outcome requalify(long leadId, boolean wasQualified) {
        // The row lock serialises rescoring of one lead, so parallel events lose no points.
        Lead lead = leads.findForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        ScoreCard card = scoring.rescore(lead);
        boolean crossed = card.qualified() && !wasQualified;
        if (crossed && lead.getStage() == LeadStage.NURTURE && journey.reengage(leadId)) {
            nurture.endForReengagement(leadId);
            log.info("Lead {} re-engaged from nurture with score {}", leadId, card.totalScore());
            return new Outcome(card, lead.getStage(), true, false);
        }
        if (crossed && lead.getStage() == LeadStage.DORMANT) {
            journey.startJourney(lead);
            log.info("Dormant lead {} woke up with score {}: new journey", leadId, card.totalScore());
            return new Outcome(card, lead.getStage(), false, true);
        }
        return new Outcome(card, lead.getStage(), false, false);
    }
}
