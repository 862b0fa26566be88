package io.leadjourney.engagement;

import io.leadjourney.lead.Lead;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public interface EngagementEventRepository extends JpaRepository<EngagementEvent, Long> {

    /**
     * What these leads did before {@code before}: {@code [leadId, type, Instant, page, asset, campaign,
     * secondsOnPage]} rows ({@link #behaviourOf}).
     */
    @Query("select e.leadId, e.eventType, e.occurredAt, e.page, e.asset, e.campaign, e.secondsOnPage"
            + " from EngagementEvent e where e.leadId in :leadIds and e.occurredAt < :before")
    List<Object[]> typesAndTimesBefore(Collection<Long> leadIds, java.time.Instant before);

    /** Everything these leads did: rows as {@link #typesAndTimesBefore}. */
    @Query("select e.leadId, e.eventType, e.occurredAt, e.page, e.asset, e.campaign, e.secondsOnPage"
            + " from EngagementEvent e where e.leadId in :leadIds")
    List<Object[]> typesAndTimesOf(Collection<Long> leadIds);

    /**
     * How many events of each behaviour these leads had since {@code since}: {@code [leadId, type, Long, page,
     * asset, campaign, secondsOnPage]} rows.
     */
    @Query("select e.leadId, e.eventType, count(e), e.page, e.asset, e.campaign, e.secondsOnPage"
            + " from EngagementEvent e where e.leadId in :leadIds and e.occurredAt >= :since"
            + " group by e.leadId, e.eventType, e.page, e.asset, e.campaign, e.secondsOnPage")
    List<Object[]> countsSince(Collection<Long> leadIds, java.time.Instant since);

    /** The behaviour of a row of {@link #typesAndTimesBefore}, {@link #typesAndTimesOf} or {@link #countsSince}. */
    static Behaviour behaviourOf(Object[] row) {
        return Behaviour.reported((String) row[1], (String) row[3], (String) row[4], (String) row[5],
                (Integer) row[6]);
    }

    /** Whether the lead did anything we learnt of after {@code since} (by when we received it). */
    boolean existsByLeadIdAndReceivedAtAfter(Long leadId, java.time.Instant since);

    List<EngagementEvent> findByLeadIdOrderByOccurredAtDesc(Long leadId, Pageable page);

    @Query("select e.eventKey from EngagementEvent e where e.eventKey in :keys")
    List<String> findExistingKeys(Collection<String> keys);

    /** Anonymous activity of this e-mail becomes the lead's: the visitor's history counts. */
    @Modifying
    @Query("update EngagementEvent e set e.leadId = :leadId where e.leadId is null and e.email = :email")
    int attachAnonymous(String email, Long leadId);

    /** Which of these e-mails have anonymous activity waiting for their lead. */
    @Query("select distinct e.email from EngagementEvent e where e.leadId is null and e.email in :emails")
    List<String> findAnonymousEmails(Collection<String> emails);

    /**
     * As {@link #attachAnonymous(String, Long)} for many new leads: one query finds the few e-mails with
     * anonymous activity, and only those are updated.
     *
     * @return how many events became the leads'
     */
    default int attachAnonymous(Collection<Lead> captured) {
        Map<String, Long> leadIds = captured.stream().collect(Collectors.toMap(Lead::getEmail, Lead::getId));
        int attached = 0;
        for (String email : findAnonymousEmails(leadIds.keySet())) {
            attached += attachAnonymous(email, leadIds.get(email));
        }
        return attached;
    }
}
