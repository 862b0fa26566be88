package io.leadjourney.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One call or e-mail of the contact cadence. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long leadId;
    private String repId;
    @Enumerated(EnumType.STRING)
    private ContactChannel channel;
    private boolean reached;
    private String note;
    private Instant attemptedAt;

    protected ContactAttempt() {
    }

    ContactAttempt(Long leadId, String repId, ContactChannel channel, boolean reached, String note,
                   Instant attemptedAt) {
        this.leadId = leadId;
        this.repId = repId;
        this.channel = channel;
        this.reached = reached;
        this.note = note;
        this.attemptedAt = attemptedAt;
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public String getRepId() { return repId; }
    public ContactChannel getChannel() { return channel; }
    public boolean isReached() { return reached; }
    public String getNote() { return note; }
    public Instant getAttemptedAt() { return attemptedAt; }
}
