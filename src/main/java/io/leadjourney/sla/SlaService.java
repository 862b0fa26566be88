package io.leadjourney.sla;

import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.notification.NotificationService;
import io.leadjourney.support.LeadJourneyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Reminders and breaches of the sales SLA. */
@Service
public class SlaService {

    private static final Logger log = LoggerFactory.getLogger(SlaService.class);

    private final SlaBreachRepository breaches;
    private final LeadRepository leads;
    private final NotificationService notifications;
    private final SlaProperties properties;
    private final LeadJourneyMetrics metrics;
    private final Clock clock;

    SlaService(SlaBreachRepository breaches, LeadRepository leads, NotificationService notifications,
               SlaProperties properties, LeadJourneyMetrics metrics, Clock clock) {
        this.breaches = breaches;
        this.leads = leads;
        this.notifications = notifications;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The reminder timer fired: tell the lead's rep (or the managers, if no rep has it) the deadline is near. */
    @Transactional
    public void remind(long leadId, Sla sla) {
        Lead lead = lead(leadId);
        String repId = lead.getAssignedRep();
        notifications.notify(repId == null ? properties.managerGroup() : repId,
                "Reminder: " + describe(sla) + " " + lead.displayName(),
                "The " + describe(sla) + " deadline for " + lead.displayName() + " (" + lead.getCompany()
                        + ") is close. Open it in Tasklist.", leadId);
    }

    /**
     * The breach timer fired: record the breach against the rep the lead is assigned to and tell the managers.
     *
     * @return the message managers see (also used for the Cockpit incident) and the rep who let it lapse
     */
    @Transactional
    public Breach recordBreach(long leadId, Sla sla, String processInstanceId) {
        Lead lead = lead(leadId);
        String repId = lead.getAssignedRep();
        breaches.save(new SlaBreach(leadId, sla, repId, Instant.now(clock), processInstanceId));
        metrics.count(LeadJourneyMetrics.SLA_BREACHES, 1, "sla", sla.name());
        String message = "SLA breach: " + describe(sla) + " for lead " + leadId + " (" + lead.displayName()
                + ") missed by " + (repId == null ? "an unassigned group" : repId);
        notifications.notify(properties.managerGroup(), message, message, leadId);
        log.warn(message);
        return new Breach(message, repId);
    }

    /**
     * @param message what managers are told
     * @param repId   the rep who let the deadline lapse, or null when the lead waited for a group
     */
    public record Breach(String message, String repId) {
    }

    private Lead lead(long leadId) {
        return leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
    }

    private static String describe(Sla sla) {
        return switch (sla) {
            case ACCEPT_LEAD -> "accept lead";
            case FIRST_CONTACT -> "first contact";
        };
    }
}
