package io.leadjourney.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    Optional<Opportunity> findByLeadId(Long leadId);
}
