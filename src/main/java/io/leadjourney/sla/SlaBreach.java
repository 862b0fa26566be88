package io.leadjourney.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A deadline of the sales SLA that a rep let pass. */
@Entity
@Table(name = "sla_breach")
public class SlaBreach {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long leadId;
    @Enumerated(EnumType.STRING)
    private Sla sla;
    private String repId;
    private Instant breachedAt;
    private String processInstanceId;

    protected SlaBreach() {
    }

    SlaBreach(Long leadId, Sla sla, String repId, Instant breachedAt, String processInstanceId) {
        this.leadId = leadId;
        this.sla = sla;
        this.repId = repId;
        this.breachedAt = breachedAt;
        this.processInstanceId = processInstanceId;
    }

    public Long getId() { return id; }
    public Long getLeadId() { return leadId; }
    public Sla getSla() { return sla; }
    public String getRepId() { return repId; }
    public Instant getBreachedAt() { return breachedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
}
