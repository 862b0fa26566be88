package io.leadjourney.lead;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface LeadRepository extends JpaRepository<Lead, Long>, LeadLocking {

    Optional<Lead> findByEmail(String email);

    List<Lead> findByEmailIn(Collection<String> emails);

    /** The leads captured in [from, to), optionally from one source only. */
    @Query("select l from Lead l where l.createdAt >= :from and l.createdAt < :to"
            + " and (:source is null or l.source = :source) order by l.id")
    List<Lead> findCapturedBetween(java.time.Instant from, java.time.Instant to, String source);

    /** How many leads in these stages each of these reps has: {@code [repId, count]} rows. */
    @Query("select l.assignedRep, count(l) from Lead l where l.assignedRep in :repIds and l.stage in :stages"
            + " group by l.assignedRep")
    List<Object[]> countOpenByRep(Collection<String> repIds, Collection<LeadStage> stages);

    /** The ids of the leads with these e-mails: {@code [id, email]} rows, loading no lead. */
    @Query("select l.id, l.email from Lead l where l.email in :emails")
    List<Object[]> findIdsByEmailIn(Collection<String> emails);

    /** Locks these leads, in id order so that two transactions locking overlapping sets cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lead l where l.id in :ids order by l.id")
    List<Lead> findAllForUpdate(Collection<Long> ids);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lead l where l.email = :email")
    Optional<Lead> findByEmailForUpdate(String email);
}
