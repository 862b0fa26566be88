package io.leadjourney.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message to a person (rep or manager), kept so it can be delivered and audited. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String recipient;
    private String subject;
    private String body;
    private Long leadId;
    private Instant createdAt;

    protected Notification() {
    }

    Notification(String recipient, String subject, String body, Long leadId, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.leadId = leadId;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Long getLeadId() { return leadId; }
    public Instant getCreatedAt() { return createdAt; }
}
