package io.leadjourney.lead;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface LeadRepository extends JpaRepository<Lead, Long> {

    Optional<Lead> findByEmail(String email);

    List<Lead> findByEmailIn(Collection<String> emails);

    /** The leads captured in [from, to), optionally from one source only. */
    @Query("select l from Lead l where l.createdAt >= :from and l.createdAt < :to"
            + " and (:source is null or l.source = :source) order by l.id")
    List<Lead> findCapturedBetween(java.time.Instant from, java.time.Instant to, String source);

    /** Serialises work on one lead (score updates, stage changes) across threads and cluster nodes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lead l where l.id = :id")
    Optional<Lead> findForUpdate(Long id);
}
