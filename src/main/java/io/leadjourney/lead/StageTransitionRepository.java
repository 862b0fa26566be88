package io.leadjourney.lead;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface StageTransitionRepository extends JpaRepository<StageTransition, Long> {

    List<StageTransition> findByLeadIdOrderByIdAsc(Long leadId);

    List<StageTransition> findByLeadIdIn(java.util.Collection<Long> leadIds);
}
