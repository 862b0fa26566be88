package io.leadjourney.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    /** Delivery: written by {@link NotificationAttempts} with plain SQL, read here. */
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant sentAt;
    private String lastError;

    /** Where an e-mail stands. */
    public enum Status {
        /** waiting to be e-mailed: its "E-mail a notification" job runs, or waits to be retried */
        PENDING,
        /**
         * stored by a release before e-mails were engine jobs, and not yet sent: {@link PendingNotifications} starts
         * its job at the next start with a mail server
         */
        STORED,
        /** e-mailed */
        SENT,
        /** cannot be e-mailed (the recipient has no address); {@code lastError} says why */
        FAILED,
        /** not e-mailed: no mail server configured, or stored before e-mail delivery existed */
        SKIPPED
    }

    protected Notification() {
    }

    Notification(String recipient, String subject, String body, Long leadId, Instant createdAt, boolean toSend) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.leadId = leadId;
        this.createdAt = createdAt;
        this.status = toSend ? Status.PENDING : Status.SKIPPED;
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Long getLeadId() { return leadId; }
    public Instant getCreatedAt() { return createdAt; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
}
