package io.leadjourney.nurture;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface NurtureEnrollmentRepository extends JpaRepository<NurtureEnrollment, Long> {

    Optional<NurtureEnrollment> findFirstByLeadIdAndEndedAtIsNullOrderByIdDesc(Long leadId);

    List<NurtureEnrollment> findByLeadIdOrderByIdAsc(Long leadId);
}
