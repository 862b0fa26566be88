package io.leadjourney.nurture;

import io.leadjourney.engagement.Behaviour;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.Journeys;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.scoring.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rescores a lead after new activity (an event, a new form) and reacts when it qualifies: a nurtured lead goes
 * back into its journey, a dormant lead starts a new one ("dead leads are not dead").
 */
@Service
public class LeadRequalification {

    private static final Logger log = LoggerFactory.getLogger(LeadRequalification.class);

    private final ScoringService scoring;
    private final NurtureService nurture;
    private final Journeys journey;
    private final LeadRepository leads;

    private final EngagementEventRepository events;

    LeadRequalification(ScoringService scoring, NurtureService nurture, Journeys journey,
                        LeadRepository leads, EngagementEventRepository events) {
        this.events = events;
        this.scoring = scoring;
        this.nurture = nurture;
        this.journey = journey;
        this.leads = leads;
    }

    /**
     * The journey's "Mark lead dormant" step. Between the inactivity timer and this step the journey waits for
     * no message, so an event that makes the lead qualify in that moment finds nothing to re-engage. Such a lead
     * is not left to sleep with a qualifying score: it goes dormant and wakes up at once with a new journey. Only
     * activity received during this stay in nurture counts: a lead that sales sent back with a qualifying score
     * goes to sleep.
     *
     * @return whether the lead woke up at once
     */
    @Transactional
    public boolean markDormant(long leadId, String reason) {
        Lead lead = leads.lock(leadId);
        Optional<Instant> nurturedSince = nurture.nurturedSince(leadId);
        nurture.markDormant(leadId, reason);
        boolean activeSince = nurturedSince.map(since -> events.existsByLeadIdAndReceivedAtAfter(leadId, since))
                .orElse(false);
        if (!activeSince || !scoring.scores(List.of(lead)).current(lead).qualified()) {
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

    /**
     * A change to leads the caller's transaction has locked (new events, a new form): new activity. A nurtured or
     * dormant lead that qualifies after it (as of now: engagement decays, so stale activity cannot qualify a lead)
     * goes back to sales.
     */
    public final class Change {
        private final ScoringService.LeadScores scores;
        private final Map<Long, Lead> leads = new LinkedHashMap<>();

        private Change(Collection<Lead> locked) {
            this.scores = scoring.scores(locked);
            for (Lead lead : locked) {
                leads.put(lead.getId(), lead);
            }
        }

        /** One new event of a lead in this change, already stored by the caller. */
        public void add(long leadId, Behaviour behaviour, Instant occurredAt) {
            scores.add(leadId, behaviour, occurredAt);
        }

        /** Rescores every lead of the change, stores the scores, then reacts to each lead that qualifies. */
        public Map<Long, Outcome> finish() {
            Map<Long, ScoreCard> cards = new LinkedHashMap<>();
            leads.values().forEach(lead -> cards.put(lead.getId(), scores.rescore(lead)));
            // Stored before reacting: a new journey's "Score lead" step reads them.
            scores.save();
            Map<Long, Outcome> outcomes = new LinkedHashMap<>();
            cards.forEach((leadId, card) -> outcomes.put(leadId, react(leads.get(leadId), card)));
            return outcomes;
        }
    }

    /**
     * Begins a change to leads the caller's transaction has locked (in id order). The change reads, scores and
     * writes in that transaction, until {@link Change#finish()}: it opens none of its own, so it never writes
     * outside the caller's.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public Change begin(Collection<Lead> lockedLeads) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A requalification runs in the transaction that locked its leads");
        }
        return new Change(lockedLeads);
    }

    /**
     * A nurtured lead that qualifies goes back into its journey; one that does not has engaged all the same, so
     * its inactivity clock starts again. A dormant lead that qualifies starts a new journey, unless the activity
     * just before this already woke it.
     */
    private Outcome react(Lead lead, ScoreCard card) {
        long leadId = lead.getId();
        if (lead.getStage() == LeadStage.NURTURE) {
            if (card.qualified() && journey.reengage(leadId)) {
                nurture.endForReengagement(leadId);
                log.info("Lead {} re-engaged from nurture with score {}", leadId, card.totalScore());
                return new Outcome(card, lead.getStage(), true, false);
            }
            journey.restartInactivityClock(leadId);
        }
        if (card.qualified() && lead.getStage() == LeadStage.DORMANT && !journey.isOnJourney(leadId)) {
            journey.startJourney(lead);
            log.info("Dormant lead {} woke up with score {}: new journey", leadId, card.totalScore());
            return new Outcome(card, lead.getStage(), false, true);
        }
        return new Outcome(card, lead.getStage(), false, false);
    }
}
