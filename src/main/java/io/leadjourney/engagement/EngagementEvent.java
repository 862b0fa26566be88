package io.leadjourney.engagement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "engagement_event")
public class EngagementEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long leadId;
    /** A behaviour the engagement-points table names ({@link Behaviours}). */
    private String eventType;
    private Instant occurredAt;
    private Instant receivedAt;
    /** The sender's id of the event; a replay with the same id is counted once. */
    private String eventKey;
    /** Set for activity of a visitor who is not (yet) a lead; attached when the e-mail becomes one. */
    private String email;
    private String page;
    private String asset;
    private String campaign;
    private Integer secondsOnPage;

    protected EngagementEvent() {
    }

    public EngagementEvent(Long leadId, String eventType, Instant occurredAt, Instant receivedAt) {
        this.leadId = leadId;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public String getEventType() { return eventType; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getEventKey() { return eventKey; }
    public String getEmail() { return email; }
    public String getPage() { return page; }
    public String getAsset() { return asset; }
    public String getCampaign() { return campaign; }
    public Integer getSecondsOnPage() { return secondsOnPage; }
}
