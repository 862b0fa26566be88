package io.leadjourney.intake;

import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.Journeys;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadFields;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStageService;
import io.leadjourney.lead.NewLead;
import io.leadjourney.nurture.LeadRequalification;
import io.leadjourney.scoring.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Captures leads: a new e-mail becomes a lead with its journey, a known e-mail updates the lead it belongs to. */
@Service
public class LeadIntakeService {

    private static final Logger log = LoggerFactory.getLogger(LeadIntakeService.class);

    private final LeadRepository leads;
    private final LeadStageService stages;
    private final ScoringService scoring;
    private final Journeys journey;
    private final LeadRequalification requalification;
    private final EngagementEventRepository events;
    private final LeadFields fields;
    private final Clock clock;

    LeadIntakeService(LeadRepository leads, LeadStageService stages, ScoringService scoring,
                      Journeys journey, LeadRequalification requalification,
                      EngagementEventRepository events, LeadFields fields, Clock clock) {
        this.leads = leads;
        this.stages = stages;
        this.scoring = scoring;
        this.journey = journey;
        this.requalification = requalification;
        this.events = events;
        this.fields = fields;
        this.clock = clock;
    }

    /** The result of an intake: the lead, and whether this request created it. */
    public record Intake(Lead lead, boolean created) {
    }

    /**
     * Stores the lead and starts its journey in one transaction: a lead is never saved without its journey,
     * and a journey never starts without its lead. A known e-mail updates its lead and rescores it: a nurtured
     * or dormant lead that now qualifies (a hand-raise on a new form, say) goes back into a journey.
     */
    @Transactional
    public Intake capture(NewLead input, String by) {
        String email = normalizeEmail(input.email());
        Instant now = Instant.now(clock);
        Lead existing = leads.findByEmailForUpdate(email).orElse(null);
        if (existing != null) {
            String customFields = fields.merged(existing.getCustomFields(), input.customFields());
            LeadRequalification.Change change = requalification.begin(List.of(existing));
            existing.updateProfile(input.cleaned(), now);
            existing.customFields(customFields);
            change.finish();
            log.debug("Lead {} captured again from {}", existing.getId(), input.source());
            return new Intake(existing, false);
        }
        Lead lead = new Lead(email, now);
        lead.updateProfile(input.cleaned(), now);
        lead.customFields(fields.merged(null, input.customFields()));
        leads.saveAndFlush(lead);
        stages.recordCaptured(lead, by, capturedReason(lead));
        int history = events.attachAnonymous(email, lead.getId());
        if (history > 0) {
            log.debug("Lead {} brings {} events of earlier anonymous activity", lead.getId(), history);
        }
        scoring.rescore(lead);
        journey.startJourney(lead);
        log.debug("Lead {} captured from {}", lead.getId(), lead.getSource());
        return new Intake(lead, true);
    }

    /**
     * Captures leads whose e-mails the caller found unknown (the rows of an import chunk), in the caller's
     * transaction: each becomes a lead with its first stage line, its earlier anonymous activity and its journey,
     * as {@link #capture} does. Unlike {@link #capture}, the leads are not scored here: nobody waits for their
     * score, and the journey's first step, "Score lead", scores them from the same profile and activity a moment
     * later. That halves the work per row (docs/api.md, "Importing lead lists"). An e-mail that has been captured since
     * the caller looked fails the whole call on the unique e-mail, so the caller can roll back and look again.
     *
     * @return the new leads, in the order of {@code inputs}
     */
    @Transactional
    public List<Lead> captureNew(List<NewLead> inputs, String by) {
        Instant now = Instant.now(clock);
        List<Lead> captured = new ArrayList<>(inputs.size());
        for (NewLead input : inputs) {
            Lead lead = new Lead(normalizeEmail(input.email()), now);
            lead.updateProfile(input.cleaned(), now);
            lead.customFields(fields.merged(null, input.customFields()));
            captured.add(lead);
        }
        leads.saveAll(captured);
        leads.flush();
        stages.recordCaptured(captured, by, LeadIntakeService::capturedReason);
        int history = events.attachAnonymous(captured);
        if (history > 0) {
            log.info("{} imported leads bring {} events of earlier anonymous activity", captured.size(), history);
        }
        journey.startJourneys(captured);
        log.info("{} leads captured by {}", captured.size(), by);
        return captured;
    }

    /** The reason on a lead's first stage line, the same for the API and for an import. */
    private static String capturedReason(Lead lead) {
        return "Captured from " + (lead.getSource() == null ? "an unknown source" : lead.getSource());
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
