package io.leadjourney.routing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

public interface RepAbsenceRepository extends JpaRepository<RepAbsence, Long> {

    /** The absences of these reps that cover {@code day}. */
    @Query("select a from RepAbsence a where a.repId in :repIds and a.firstDay <= :day and a.lastDay >= :day")
    List<RepAbsence> findCovering(Collection<String> repIds, LocalDate day);

    /** The rep's absences that have not ended before {@code day}, soonest first. */
    List<RepAbsence> findByRepIdAndLastDayGreaterThanEqualOrderByFirstDay(String repId, LocalDate day);
}
