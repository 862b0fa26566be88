package io.leadjourney.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    Optional<Opportunity> findByLeadId(Long leadId);

    /** Closed deals per rep who handed them to sales and outcome: {@code [repId, DealOutcome, Long]} rows. */
    @Query("select l.assignedRep, o.outcome, count(o) from Opportunity o, Lead l where l.id = o.leadId"
            + " and o.outcome is not null and l.assignedRep in :repIds group by l.assignedRep, o.outcome")
    List<Object[]> countOutcomesByRep(Collection<String> repIds);

    /** Closed deals per rep and outcome, of every rep: {@code [repId, DealOutcome, Long]} rows. */
    @Query("select l.assignedRep, o.outcome, count(o) from Opportunity o, Lead l where l.id = o.leadId"
            + " and o.outcome is not null and l.assignedRep is not null group by l.assignedRep, o.outcome")
    List<Object[]> countOutcomesOfEveryRep();
}
