package io.leadjourney.webhook;

import io.leadjourney.support.Text;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event for one target: the outbox row, its payload as signed and sent, and how delivery went. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String deliveryId;
    @Enumerated(EnumType.STRING)
    private WebhookEvent eventType;
    private long leadId;
    private String targetName;
    private String targetUrl;
    private String payload;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Integer lastStatus;
    private String lastError;
    private Instant createdAt;
    private Instant lastAttemptAt;
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(WebhookEvent eventType, long leadId, WebhookProperties.Target target, String deliveryId,
                    String payload, Instant now) {
        this.deliveryId = deliveryId;
        this.eventType = eventType;
        this.leadId = leadId;
        this.targetName = target.name();
        this.targetUrl = target.url();
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    void attempted(Integer httpStatus, String error, Instant now) {
        attempts++;
        lastStatus = httpStatus;
        lastError = Text.cut(error, 1000);
        lastAttemptAt = now;
    }

    void delivered(Instant now) {
        status = Status.DELIVERED;
        deliveredAt = now;
    }

    public Long getId() { return id; }
    public String getDeliveryId() { return deliveryId; }
    public WebhookEvent getEventType() { return eventType; }
    public long getLeadId() { return leadId; }
    public String getTargetName() { return targetName; }
    public String getTargetUrl() { return targetUrl; }
    public String getPayload() { return payload; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Integer getLastStatus() { return lastStatus; }
    public String getLastError() { return lastError; }
    public Instant getDeliveredAt() { return deliveredAt; }
}
