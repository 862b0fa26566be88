package io.leadjourney.scoring;

import io.leadjourney.IntegrationTest;
import io.leadjourney.intake.BatchEvent;
import io.leadjourney.intake.EventBatchService;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engagement kept incrementally (per lead and event type, carried forward in time) scores exactly as weighting
 * every event afresh does; leads without tallies (older than the tallies, or after the decay settings changed)
 * are rebuilt from their events.
 */
class EngagementTallyIT extends IntegrationTest {

    private static final String[] TYPES = {"EMAIL_OPENED", "BLOG_POST_READ", "PRICING_PAGE_VISITED",
            "CONTENT_DOWNLOADED", "EMAIL_CLICKED"};

    @Autowired
    private EventBatchService batches;
    @Autowired
    private ScoringService scoring;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void incrementalTalliesScoreAsWeighingEveryEventAfreshDoes() {
        long id = captureLead(Map.of("email", uniqueEmail("tally"), "firstName", "Tal", "company", "Tally Ltd",
                "employees", 40, "role", "Engineer"));
        Instant now = Instant.now();
        for (int batch = 0; batch < 5; batch++) {
            List<BatchEvent> events = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Instant at = now.minus(Duration.ofHours(7L * (batch * 30 + i)));  // up to ~44 days back
                events.add(new BatchEvent("tally-" + id + "-" + batch + "-" + i, id, null,
                        TYPES[(batch + i) % TYPES.length], at.toString(), null, null, null));
            }
            assertThat(batches.ingest(events).accepted()).isEqualTo(30);
        }
        post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", "EMAIL_OPENED",
                "occurredAt", now.minus(Duration.ofDays(60)).toString()));

        List<Tally> stored = storedTally(id);
        assertThat(stored).as("one entry per event type, not per event").hasSize(TYPES.length);
        assertThat(stored.stream().mapToInt(Tally::events).sum()).isEqualTo(151);
        ScoreCard incremental = scoring.receipt(id);

        // As after the migration that introduced tallies, or after the decay settings changed.
        jdbc.update("update lead set tally_basis = null where id = ?", id);
        ScoreCard rebuilt = scoring.receipt(id);

        assertThat(rebuilt.engagement()).hasSameSizeAs(incremental.engagement());
        List<EngagementLine> expected = sorted(rebuilt.engagement());
        List<EngagementLine> actual = sorted(incremental.engagement());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).eventType()).isEqualTo(expected.get(i).eventType());
            assertThat(actual.get(i).events()).isEqualTo(expected.get(i).events());
            assertThat(actual.get(i).points()).as(expected.get(i).eventType())
                    .isCloseTo(expected.get(i).points(), Offset.offset(1e-6));
        }
        assertThat(incremental.engagementScore()).isEqualTo(rebuilt.engagementScore()).isPositive();

        scoring.rescore(id);
        assertThat(jdbc.queryForObject("select tally_basis from lead where id = ?", String.class, id))
                .as("rebuilt and stored under the current decay settings").isEqualTo("HALF_LIFE PT720H");
        assertThat(storedTally(id).stream().mapToInt(Tally::events).sum()).isEqualTo(151);
        assertThat(scoring.receipt(id).engagementScore()).isEqualTo(rebuilt.engagementScore());
    }

    private List<Tally> storedTally(long id) {
        return EngagementTallies.parse(jdbc.queryForObject("select engagement_tally from lead where id = ?",
                String.class, id));
    }

    private static List<EngagementLine> sorted(List<EngagementLine> lines) {
        return lines.stream().sorted(Comparator.comparing(EngagementLine::eventType)
                .thenComparing(EngagementLine::reason)).toList();
    }
}
