package io.leadjourney.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.decision.DecisionKeys;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviours the API takes are the ones the deployed points table names: the seeds' vocabulary by default, and
 * one more as soon as a process owner deploys a table with a rule for it, with no release and no restart.
 */
class BehavioursIT extends IntegrationTest {

    @Autowired
    private RepositoryService repositoryService;

    private long lead(String who) {
        return captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " Ltd",
                "employees", 30));
    }

    private ResponseEntity<JsonNode> event(long lead, String type) {
        return post(INTEGRATION, "/api/leads/" + lead + "/events",
                Map.of("type", type, "occurredAt", Instant.now().toString()));
    }

    @Test
    void anUnknownBehaviourIsA400ThatListsTheKnownOnesAndLeavesNothing() {
        long lead = lead("unknown");
        ResponseEntity<JsonNode> answer = event(lead, "PODCAST_LISTENED");
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("type");
        assertThat(answer.getBody().toString()).contains("'PODCAST_LISTENED' is not a behaviour of the"
                + " engagement-points table").contains("WEBINAR_ATTENDED").contains("EMAIL_REPLIED");
        assertThat(get(INTEGRATION, "/api/leads/" + lead + "/score").getBody().get("engagementScore").asInt())
                .isZero();
    }

    @Test
    void theSeedsBehavioursScoreTheirPoints() {
        long lead = lead("webinar");
        assertThat(event(lead, "WEBINAR_REGISTERED").getBody().get("engagementScore").asInt()).isEqualTo(5);
        assertThat(event(lead, "WEBINAR_ATTENDED").getBody().get("engagementScore").asInt()).isEqualTo(25);
        assertThat(event(lead, "EMAIL_REPLIED").getBody().get("engagementScore").asInt()).isEqualTo(35);
        assertThat(event(lead, "EMAIL_FORWARDED").getBody().get("engagementScore").asInt()).isEqualTo(40);
    }

    /** The points table sees the asset and the seconds on page: its example rules make them worth more. */
    @Test
    void aSpecificAssetOrALongLookIsWorthMoreAsTheTableSays() {
        long generic = lead("any-download");
        assertThat(detailed(generic, "CONTENT_DOWNLOADED", Map.of("asset", "pricing-sheet")).get("engagementScore")
                .asInt()).isEqualTo(10);
        long analysis = lead("analysis");
        assertThat(detailed(analysis, "CONTENT_DOWNLOADED", Map.of("asset", " Competitive-Analysis ",
                "campaign", "Q4 launch")).get("engagementScore").asInt()).as("10 for a download, 10 for this one")
                .isEqualTo(20);
        assertThat(detailed(analysis, "PRICING_PAGE_VISITED", Map.of("page", "/pricing", "secondsOnPage", 95))
                .get("engagementScore").asInt()).as("15 for the pricing page, 5 for a minute on it").isEqualTo(40);
        assertThat(detailed(analysis, "PRICING_PAGE_VISITED", Map.of("page", "/pricing", "secondsOnPage", 12))
                .get("engagementScore").asInt()).as("a glance is the page's 15").isEqualTo(55);
        assertThat(get(INTEGRATION, "/api/leads/" + analysis + "/score").getBody().toString())
                .contains("Downloaded the competitive analysis").contains("Spent a minute or more on the pricing page");

        JsonNode batch = post(INTEGRATION, "/api/events", Map.of("events", List.of(Map.of("eventId",
                "analysis-" + generic, "leadId", generic, "type", "CONTENT_DOWNLOADED", "asset",
                "competitive-analysis", "occurredAt", Instant.now().toString())))).getBody();
        assertThat(batch.get("accepted").asInt()).as("report %s", batch).isEqualTo(1);
        assertThat(get(INTEGRATION, "/api/leads/" + generic + "/score").getBody().get("engagementScore").asInt())
                .as("the content group's cap of 30").isEqualTo(30);

        ResponseEntity<JsonNode> negative = post(INTEGRATION, "/api/leads/" + generic + "/events", Map.of("type",
                "PRICING_PAGE_VISITED", "occurredAt", Instant.now().toString(), "secondsOnPage", -1));
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().get("errors").findValuesAsText("field")).containsExactly("secondsOnPage");
    }

    private JsonNode detailed(long lead, String type, Map<String, Object> details) {
        Map<String, Object> event = new java.util.HashMap<>(details);
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        ResponseEntity<JsonNode> answer = post(INTEGRATION, "/api/leads/" + lead + "/events", event);
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    @Test
    void aBehaviourAProcessOwnerAddsIsTakenAndScoredOnTheNextEvent() throws IOException {
        long lead = lead("podcast");
        assertThat(event(lead, "PODCAST_LISTENED").getStatusCode().value()).isEqualTo(400);
        String shipped = resource("/engagement-points.dmn");
        String lastRule = "      <rule id=\"Rule_engagement_points_8\">";
        assertThat(shipped).contains(lastRule);
        deploy(shipped.replace(lastRule, """
                      <rule id="Rule_podcast">
                        <description>Listened to our podcast</description>
                        <inputEntry id="InputEntry_podcast"><text>"PODCAST_LISTENED"</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_page"><text>-</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_asset"><text>-</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_campaign"><text>-</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_seconds"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_podcast_points"><text>7</text></outputEntry>
                        <outputEntry id="OutputEntry_podcast_group"><text>"content"</text></outputEntry>
                        <outputEntry id="OutputEntry_podcast_reason"><text>"Listened to the podcast"</text></outputEntry>
                      </rule>
                """ + lastRule));
        try {
            ResponseEntity<JsonNode> taken = event(lead, "PODCAST_LISTENED");
            assertThat(taken.getStatusCode().value()).as("answer %s", taken.getBody()).isEqualTo(200);
            assertThat(taken.getBody().get("engagementScore").asInt()).isEqualTo(7);
            assertThat(get(INTEGRATION, "/api/leads/" + lead + "/score").getBody().toString())
                    .contains("Listened to the podcast");
            JsonNode batch = post(INTEGRATION, "/api/events", Map.of("events", List.of(Map.of("eventId",
                    "podcast-" + lead, "leadId", lead, "type", "PODCAST_LISTENED", "occurredAt",
                    Instant.now().toString())))).getBody();
            assertThat(batch.get("accepted").asInt()).as("report %s", batch).isEqualTo(1);
        } finally {
            // The next version restores the shipped table for the tests that follow.
            deploy(shipped);
        }
        assertThat(event(lead, "PODCAST_LISTENED").getStatusCode().value()).as("the rule is gone again")
                .isEqualTo(400);
    }

    private void deploy(String dmn) {
        repositoryService.createDeployment().name("behaviours-it").addInputStream(DecisionKeys.ENGAGEMENT_POINTS
                + ".dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BehavioursIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
