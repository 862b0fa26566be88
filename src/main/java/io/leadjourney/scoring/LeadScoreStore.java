package io.leadjourney.scoring;

import io.leadjourney.lead.Lead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
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

}
