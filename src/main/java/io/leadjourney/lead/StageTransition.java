package io.leadjourney.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the stage log: the source of truth for funnel metrics. Append-only. */
@Entity
@Table(name = "stage_transition")
public class StageTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long leadId;
    @Enumerated(EnumType.STRING)
    private LeadStage fromStage;
    @Enumerated(EnumType.STRING)
    private LeadStage toStage;
    private Instant changedAt;
    private String changedBy;
    private String reason;

    protected StageTransition() {
    }

    StageTransition(Long leadId, LeadStage fromStage, LeadStage toStage, Instant changedAt, String changedBy,
                    String reason) {
        this.leadId = leadId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.reason = reason;
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public LeadStage getFromStage() { return fromStage; }
    public LeadStage getToStage() { return toStage; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getReason() { return reason; }
}
