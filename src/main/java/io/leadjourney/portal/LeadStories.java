package io.leadjourney.portal;

import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.LeadQueryService;
import io.leadjourney.lead.LeadView;
import io.leadjourney.notification.NotificationRepository;
import io.leadjourney.scoring.ScoringService;
import io.leadjourney.sla.ContactAttemptRepository;
import io.leadjourney.sla.SlaBreachRepository;
import io.leadjourney.webhook.WebhookDeliveryRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Puts a lead's story together from the modules that keep each part, for a reader within their {@link Audience}. */
@Service
public class LeadStories {

    /** The activity a page lists, newest first. */
    static final int ACTIVITY = 50;
    /** The score changes a page draws. */
    static final int SCORE_CHANGES = 100;

    private final LeadQueryService leads;
    private final ScoringService scoring;
    private final EngagementEventRepository events;
    private final SlaBreachRepository breaches;
    private final ContactAttemptRepository contacts;
    private final JourneyDeadlines journeys;
    private final DiscoveryCalls discoveries;
    private final WebhookDeliveryRepository webhooks;
    private final NotificationRepository notifications;

    LeadStories(LeadQueryService leads, ScoringService scoring, EngagementEventRepository events,
                SlaBreachRepository breaches, ContactAttemptRepository contacts, JourneyDeadlines journeys,
                DiscoveryCalls discoveries, WebhookDeliveryRepository webhooks,
                NotificationRepository notifications) {
        this.notifications = notifications;
        this.discoveries = discoveries;
        this.webhooks = webhooks;
        this.leads = leads;
        this.scoring = scoring;
        this.events = events;
        this.breaches = breaches;
        this.contacts = contacts;
        this.journeys = journeys;
    }

    /**
     * The lead's story, or empty when the reader may not see this lead (a rep, another rep's lead); throws
     * {@code LeadNotFoundException} when there is no such lead.
     */
    @Transactional(readOnly = true)
    public Optional<LeadStory> story(long leadId, Audience.Scope reader) {
        LeadView lead = leads.find(leadId);
        if (!reader.sees(lead.assignedRep(), lead.assignedGroup())) {
            return Optional.empty();
        }
        return Optional.of(new LeadStory(lead, scoring.receipt(leadId),
                events.findByLeadIdOrderByOccurredAtDesc(leadId, PageRequest.of(0, ACTIVITY)),
                breaches.findByLeadIdOrderByIdAsc(leadId),
                contacts.findByLeadIdOrderByIdAsc(leadId).stream().map(attempt -> new LeadStory.Contact(
                        attempt.getAttemptedAt(), attempt.getRepId(), attempt.getChannel().name(),
                        attempt.isReached(), reader.notes() ? attempt.getNote() : null)).toList(),
                journeys.openTaskOf(leadId).orElse(null), reader.notes(),
                discoveries.lastOf(leadId).orElse(null),
                webhooks.findByLeadIdOrderByIdAsc(leadId).stream().map(sent -> new LeadStory.Webhook(
                        sent.getEventType().wireName(), sent.getTargetName(), sent.getStatus().name(),
                        sent.getAttempts(), sent.getLastStatus(), sent.getLastError(), sent.getDeliveredAt()))
                        .toList(),
                scoring.changesOf(leadId, SCORE_CHANGES),
                notifications.findByLeadIdOrderByIdAsc(leadId).stream().map(notice -> new LeadStory.Notice(
                        notice.getCreatedAt(), notice.getRecipient(), notice.getSubject(), notice.getStatus().name()))
                        .toList()));
    }
}
