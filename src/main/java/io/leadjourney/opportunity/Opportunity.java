package io.leadjourney.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What sales receives when a lead becomes an SQL: the lead, an estimated deal value and its temperature. */
@Entity
@Table(name = "opportunity")
public class Opportunity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long leadId;
    private BigDecimal estimatedValue;
    private String temperature;
    private Instant createdAt;
    private String createdBy;

    @Enumerated(EnumType.STRING)
    private DealOutcome outcome;
    private BigDecimal dealValue;
    private String currency;
    private LocalDate closedOn;
    @Enumerated(EnumType.STRING)
    private LostReason lostReason;
    private Instant outcomeRecordedAt;
    private String outcomeRecordedBy;

    protected Opportunity() {
    }

    Opportunity(Long leadId, BigDecimal estimatedValue, String temperature, Instant createdAt, String createdBy) {
        this.leadId = leadId;
        this.estimatedValue = estimatedValue;
        this.temperature = temperature;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Records what sales reports: once; {@link #sameOutcome} tells a replay from a contradiction. */
    void close(NewOutcome reported, Instant now, String by) {
        this.outcome = reported.outcome();
        this.dealValue = reported.value();
        this.currency = reported.currency();
        this.closedOn = reported.closedOn();
        this.lostReason = reported.lostReason();
        this.outcomeRecordedAt = now;
        this.outcomeRecordedBy = by;
    }

    boolean isClosed() {
        return outcome != null;
    }

    boolean sameOutcome(NewOutcome reported) {
        return outcome == reported.outcome() && Objects.equals(currency, reported.currency())
                && Objects.equals(closedOn, reported.closedOn()) && lostReason == reported.lostReason()
                && (dealValue == null ? reported.value() == null
                : reported.value() != null && dealValue.compareTo(reported.value()) == 0);
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public BigDecimal getEstimatedValue() { return estimatedValue; }
    public String getTemperature() { return temperature; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public DealOutcome getOutcome() { return outcome; }
    public BigDecimal getDealValue() { return dealValue; }
    public String getCurrency() { return currency; }
    public LocalDate getClosedOn() { return closedOn; }
    public LostReason getLostReason() { return lostReason; }
    public Instant getOutcomeRecordedAt() { return outcomeRecordedAt; }
    public String getOutcomeRecordedBy() { return outcomeRecordedBy; }
}
