package io.leadjourney.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.DmnEdit;
import io.leadjourney.IntegrationTest;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.intake.BatchEvent;
import io.leadjourney.intake.EventBatchService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner deploys {@code engagement-decay.dmn} with {@code WINDOW}: only the last 90 days count, in full;
 * nothing is carried on the lead row. The shipped half-life is deployed again after.
 */
class WindowDecayIT extends IntegrationTest {

    @Autowired
    private RepositoryService repositoryService;

    @BeforeEach
    void aProcessOwnerDeploysAWindow() throws IOException {
        deploy(DmnEdit.shipped(DecisionKeys.ENGAGEMENT_DECAY).replace("<text>\"HALF_LIFE\"</text>",
                "<text>\"WINDOW\"</text>"));
    }

    @AfterEach
    void theShippedHalfLifeAgain() throws IOException {
        deploy(DmnEdit.shipped(DecisionKeys.ENGAGEMENT_DECAY));
    }

    private void deploy(String dmn) {
        assertThat(dmn).contains("P90D");
        repositoryService.createDeployment().name("window-decay-it").addInputStream(DecisionKeys.ENGAGEMENT_DECAY
                + ".dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    @Autowired
    private EventBatchService batches;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void onlyTheWindowCountsAndInFull() {
        long id = captureLead(Map.of("email", uniqueEmail("window"), "firstName", "Win", "company", "Dow Ltd"));
        Instant now = Instant.now();
        batches.ingest(List.of(
                new BatchEvent("w-" + id + "-old", id, null, "PRICING_PAGE_VISITED",
                        now.minus(Duration.ofDays(100)).toString(), null, null, null),
                new BatchEvent("w-" + id + "-1", id, null, "PRICING_PAGE_VISITED",
                        now.minus(Duration.ofDays(80)).toString(), null, null, null),
                new BatchEvent("w-" + id + "-2", id, null, "BLOG_POST_READ",
                        now.minus(Duration.ofDays(1)).toString(), null, null, null)));

        JsonNode score = get(INTEGRATION, "/api/leads/" + id + "/score").getBody();
        JsonNode pricing = findBy(score.get("engagement"), "eventType", "PRICING_PAGE_VISITED");
        assertThat(pricing.get("events").asInt()).as("the 100-day-old visit is outside the window").isEqualTo(1);
        assertThat(pricing.get("points").asDouble()).as("80 days old, still in full").isEqualTo(15.0);
        assertThat(score.get("engagementScore").asInt()).isEqualTo(15 + 2);
        assertThat(lead(id).get("engagementScore").asInt()).as("stored with the batch").isEqualTo(17);
        assertThat(jdbc.queryForObject("select engagement_tally from lead where id = ?", String.class, id))
                .as("a window is counted, not carried").isNull();
    }
}
