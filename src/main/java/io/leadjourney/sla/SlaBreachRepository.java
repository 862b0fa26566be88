package io.leadjourney.sla;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {

    List<SlaBreach> findByLeadIdOrderByIdAsc(Long leadId);
}
