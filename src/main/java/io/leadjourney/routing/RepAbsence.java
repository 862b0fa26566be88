package io.leadjourney.routing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A rep's out-of-office period, whole days in the sales team's zone; routing skips the rep on those days. */
@Entity
@Table(name = "rep_absence")
public class RepAbsence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String repId;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private String reason;
    private Instant createdAt;
    private String createdBy;

    protected RepAbsence() {
    }

    RepAbsence(String repId, LocalDate firstDay, LocalDate lastDay, String reason, Instant createdAt,
               String createdBy) {
        this.repId = repId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = reason;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public String getRepId() { return repId; }
    public LocalDate getFirstDay() { return firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public String getReason() { return reason; }
}
