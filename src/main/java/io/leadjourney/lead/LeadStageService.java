package io.leadjourney.lead;

import io.leadjourney.support.LeadJourneyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Moves a lead between stages and appends every change to the stage log, with who, when and why. */
@Service
public class LeadStageService {

    private static final Logger log = LoggerFactory.getLogger(LeadStageService.class);

    private final LeadRepository leads;
    private final StageTransitionRepository transitions;
    private final LeadJourneyMetrics metrics;
    private final Clock clock;

    LeadStageService(LeadRepository leads, StageTransitionRepository transitions, LeadJourneyMetrics metrics,
                     Clock clock) {
        this.leads = leads;
        this.transitions = transitions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records that a lead was captured: the first line of its timeline. */
    @Transactional
    public void recordCaptured(Lead lead, String by, String reason) {
        transitions.save(new StageTransition(lead.getId(), null, LeadStage.LEAD, Instant.now(clock), by, reason));
    }

    /** As {@link #recordCaptured(Lead, String, String)}, for many leads at once (an import chunk). */
    @Transactional
    public void recordCaptured(List<Lead> captured, String by, Function<Lead, String> reason) {
        Instant now = Instant.now(clock);
        transitions.saveAll(captured.stream()
                .map(lead -> new StageTransition(lead.getId(), null, LeadStage.LEAD, now, by, reason.apply(lead)))
                .toList());
    }

    /**
     * Moves the lead to {@code to}. Moving to the stage it is already in changes nothing and logs nothing.
     *
     * @return the stage the lead was in before
     */
    @Transactional
    public LeadStage moveTo(long leadId, LeadStage to, String by, String reason) {
        Lead lead = leads.lock(leadId);
        LeadStage from = lead.getStage();
        if (from == to) {
            return from;
        }
        Instant now = Instant.now(clock);
        lead.moveTo(to, now);
        transitions.save(new StageTransition(leadId, from, to, now, by, reason));
        metrics.count(LeadJourneyMetrics.STAGE_TRANSITIONS, 1, "to", to.name());
        log.debug("Lead {} moved {} -> {} by {} ({})", leadId, from, to, by, reason);
        return from;
    }

    @Transactional(readOnly = true)
    public List<StageTransition> timeline(long leadId) {
        return transitions.findByLeadIdOrderByIdAsc(leadId);
    }
}
