package io.leadjourney.intake;

import io.leadjourney.engagement.Behaviour;
import io.leadjourney.engagement.Behaviours;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.nurture.LeadRequalification;
import io.leadjourney.support.InvalidFieldException;
import io.leadjourney.support.LeadJourneyMetrics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records what leads do and keeps their score current. Only a threshold crossing reaches the process:
 * a nurtured lead goes back into its journey, a dormant lead starts a new one.
 */
@Service
public class EngagementService {

    private final EventRows rows;
    private final Behaviours behaviours;
    private final LeadRepository leads;
    private final LeadRequalification requalification;
    private final LeadJourneyMetrics metrics;
    private final Clock clock;

    EngagementService(EventRows rows, Behaviours behaviours, LeadRepository leads, LeadRequalification requalification,
                      LeadJourneyMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.rows = rows;
        this.behaviours = behaviours;
        this.leads = leads;
        this.requalification = requalification;
        this.clock = clock;
    }

    @Transactional
    public EngagementResult record(long leadId, NewEngagementEvent input) {
        String type = behaviours.check(input.type());
        if (!EventTime.isPlausible(input.occurredAt(), clock)) {
            throw new InvalidFieldException("occurredAt", EventTime.PROBLEM);
        }
        // Locks the lead first, so events for one lead are counted one after the other.
        Lead lead = leads.lock(leadId);
        LeadRequalification.Change change = requalification.begin(List.of(lead));
        long eventId = rows.insert(leadId, type, input, Instant.now(clock));
        change.add(leadId, Behaviour.reported(type, input.page(), input.asset(), input.campaign(),
                input.secondsOnPage()), input.occurredAt());
        metrics.count(LeadJourneyMetrics.EVENTS_INGESTED, 1, "via", "single");
        LeadRequalification.Outcome outcome = change.finish().get(leadId);
        return new EngagementResult(leadId, eventId, outcome.card().engagementScore(),
                outcome.card().totalScore(), outcome.card().qualified(), outcome.stage(), outcome.reengaged(),
                outcome.woken());
    }
}
