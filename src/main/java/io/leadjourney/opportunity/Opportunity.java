package io.leadjourney.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

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

    protected Opportunity() {
    }

    Opportunity(Long leadId, BigDecimal estimatedValue, String temperature, Instant createdAt, String createdBy) {
        this.leadId = leadId;
        this.estimatedValue = estimatedValue;
        this.temperature = temperature;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public BigDecimal getEstimatedValue() { return estimatedValue; }
    public String getTemperature() { return temperature; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
