package io.leadjourney.nurture;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stay of a lead in a nurture track, from enrolment until it re-engages or goes dormant. */
@Entity
@Table(name = "nurture_enrollment")
public class NurtureEnrollment {

    /** How a stay in nurture ended. */
    public static final String OUTCOME_REENGAGED = "REENGAGED";
    public static final String OUTCOME_DORMANT = "DORMANT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long leadId;
    private String track;
    private String reason;
    private Instant enrolledAt;
    private Instant endedAt;
    private String outcome;

    protected NurtureEnrollment() {
    }

    NurtureEnrollment(Long leadId, String track, String reason, Instant enrolledAt) {
        this.leadId = leadId;
        this.track = track;
        this.reason = reason;
        this.enrolledAt = enrolledAt;
    }

    void end(String outcome, Instant now) {
        this.outcome = outcome;
        this.endedAt = now;
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public String getTrack() { return track; }
    public String getReason() { return reason; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getOutcome() { return outcome; }
}
