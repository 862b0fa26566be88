package io.leadjourney.sla;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ContactAttemptRepository extends JpaRepository<ContactAttempt, Long> {

    List<ContactAttempt> findByLeadIdOrderByIdAsc(Long leadId);
}
