package io.leadjourney.engagement;

import io.leadjourney.journey.LeadRequalification;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
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

    private final EngagementEventRepository events;
    private final LeadRepository leads;
    private final LeadRequalification requalification;
    private final Clock clock;

    EngagementService(EngagementEventRepository events, LeadRepository leads, LeadRequalification requalification,
                      Clock clock) {
        this.events = events;
        this.leads = leads;
        this.requalification = requalification;
        this.clock = clock;
    }

    @Transactional
    public EngagementResult record(long leadId, NewEngagementEvent input) {
        // Locks the lead first, so events for one lead are counted one after the other.
        Lead lead = leads.findForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        boolean wasQualified = requalification.mayCross(lead) && requalification.qualifiesNow(leadId);
        EngagementEvent event = events.save(new EngagementEvent(leadId, input.type(), input.occurredAt(),
                Instant.now(clock)));
        LeadRequalification.Outcome outcome = requalification.requalify(leadId, wasQualified);
        return new EngagementResult(leadId, event.getId(), outcome.card().engagementScore(),
                outcome.card().totalScore(), outcome.card().qualified(), outcome.stage(), outcome.reengaged(),
                outcome.woken());
    }
}
