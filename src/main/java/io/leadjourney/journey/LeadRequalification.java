package io.leadjourney.journey;

import io.leadjourney.engagement.EngagementType;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.nurture.NurtureService;
import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.scoring.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rescores a lead after something changed (an event, a new form) and reacts only to a threshold crossing:
 * a nurtured lead goes back into its journey, a dormant lead starts a new one ("dead leads are not dead").
 */
@Service
public class LeadRequalification {

    private static final Logger log = LoggerFactory.getLogger(LeadRequalification.class);

    private final ScoringService scoring;
    private final NurtureService nurture;
    private final LeadJourneyGateway journey;
    private final LeadRepository leads;

    LeadRequalification(ScoringService scoring, NurtureService nurture, LeadJourneyGateway journey,
                        LeadRepository leads) {
        this.scoring = scoring;
        this.nurture = nurture;
        this.journey = journey;
        this.leads = leads;
    }

    /**
     * The journey's "Mark lead dormant" step. Between the inactivity timer and this step the journey waits for
     * no message, so an event that makes the lead qualify in that moment finds nothing to re-engage. Such a lead
     * is not left to sleep with a qualifying score: it goes dormant and wakes up at once with a new journey.
     *
     * @return whether the lead woke up at once
     */
    @Transactional
    public boolean markDormant(long leadId, String reason) {
        Lead lead = leads.lock(leadId);
        nurture.markDormant(leadId, reason);
        if (!scoring.scores(List.of(lead)).current(lead).qualified()) {
            return false;
        }
        journey.startJourney(lead);
        log.info("Lead {} qualified while its journey was on the way to dormancy: woken at once", leadId);
        return true;
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
    private static boolean mayCross(Lead lead) {
        return lead.getStage() == LeadStage.NURTURE || lead.getStage() == LeadStage.DORMANT;
    }

    /**
     * A change to leads the caller's transaction has locked (new events, a new form), from the scores before it
     * to the reaction after it. Engagement decays, so whether a lead qualified before is worked out afresh as of
     * now rather than read from its last stored score: stale activity cannot re-qualify a lead.
     */
    public final class Change {
        private final ScoringService.LeadScores scores;
        private final Map<Long, Lead> leads = new LinkedHashMap<>();
        private final Map<Long, Boolean> wasQualified = new HashMap<>();

        private Change(Collection<Lead> locked) {
            this.scores = scoring.scores(locked);
            for (Lead lead : locked) {
                leads.put(lead.getId(), lead);
                wasQualified.put(lead.getId(), mayCross(lead) && scores.current(lead).qualified());
            }
        }

        /** One new event of a lead in this change, already stored by the caller. */
        public void add(long leadId, EngagementType type, Instant occurredAt) {
            scores.add(leadId, type, occurredAt);
        }

        /** Rescores every lead of the change, stores the scores, then reacts to each threshold crossing. */
        public Map<Long, Outcome> finish() {
            Map<Long, ScoreCard> cards = new LinkedHashMap<>();
            leads.values().forEach(lead -> cards.put(lead.getId(), scores.rescore(lead)));
            // Stored before reacting: a new journey's "Score lead" step reads them.
            scores.save();
            Map<Long, Outcome> outcomes = new LinkedHashMap<>();
            cards.forEach((leadId, card) -> outcomes.put(leadId, react(leads.get(leadId), card,
                    card.qualified() && !wasQualified.get(leadId))));
            return outcomes;
        }
    }

    /** Begins a change to leads the caller's transaction has locked (in id order). */
    @Transactional
    public Change begin(Collection<Lead> lockedLeads) {
        return new Change(lockedLeads);
    }

    private Outcome react(Lead lead, ScoreCard card, boolean crossed) {
        long leadId = lead.getId();
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
