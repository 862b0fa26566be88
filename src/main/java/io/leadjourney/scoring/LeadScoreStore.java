package io.leadjourney.scoring;

import io.leadjourney.lead.Lead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Writes leads' scores and engagement tallies in one JDBC batch: an event batch rescoring hundreds of leads costs one round trip, where
 * JPA would send one update per lead (Hibernate does not batch {@code @DynamicUpdate} entities). The lead entity
 * maps these columns read-only, so nothing else writes them.
 */
@Component
class LeadScoreStore {

    private static final String UPDATE = "update lead set fit_score = ?, engagement_score = ?, total_score = ?,"
            + " grade = ?, qualified = ?, score_reasons = ?, score_versions = ?, scored_at = ?, engagement_tally = ?,"
            + " tally_as_of = ?, tally_basis = ?, updated_at = ? where id = ?";
    private static final String CHANGE = "insert into score_change (lead_id, scored_at, fit_score, engagement_score,"
            + " total_score, grade) values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    LeadScoreStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the scores the leads carry ({@link Lead#applyScore}), as of {@code now}. */
    void store(Collection<Lead> leads, Instant now) {
        if (leads.isEmpty()) {
            return;
        }
        OffsetDateTime at = utc(now);
        List<Object[]> rows = leads.stream().map(lead -> new Object[]{lead.getFitScore(), lead.getEngagementScore(),
                lead.getTotalScore(), lead.getGrade(), lead.isQualified(), lead.getScoreReasons(),
                lead.getScoreVersions(), utc(lead.getScoredAt()), lead.getEngagementTally(), utc(lead.getTallyAsOf()),
                lead.getTallyBasis(), at, lead.getId()}).toList();
        jdbc.batchUpdate(UPDATE, rows);
    }

    /** Adds the leads' new scores to their score over time; for leads whose total or grade moved. */
    void recordChanges(Collection<Lead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(CHANGE, leads.stream().map(lead -> new Object[]{lead.getId(), utc(lead.getScoredAt()),
                lead.getFitScore(), lead.getEngagementScore(), lead.getTotalScore(), lead.getGrade()}).toList());
    }

    /** The lead's score over time, oldest first: at most the latest {@code limit} changes. */
    List<ScoreChange> changesOf(long leadId, int limit) {
        List<ScoreChange> newest = jdbc.query("select scored_at, fit_score, engagement_score, total_score, grade"
                        + " from score_change where lead_id = ? order by scored_at desc, id desc limit ?",
                (row, n) -> new ScoreChange(row.getObject(1, OffsetDateTime.class).toInstant(), row.getInt(2),
                        row.getInt(3), row.getInt(4), row.getString(5)), leadId, limit);
        List<ScoreChange> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

}
