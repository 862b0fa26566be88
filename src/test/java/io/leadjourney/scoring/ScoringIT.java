package io.leadjourney.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.decision.DecisionKeys;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Score receipts, table versions, no decision history per evaluation, and parallel events on one lead. */
class ScoringIT extends IntegrationTest {

    @Autowired
    private RepositoryService repositoryService;

    private long lead(String who) {
        return captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " SA",
                "employees", 200, "industry", "Healthcare", "role", "CIO", "country", "France"));
    }

    private void event(long leadId, String type) {
        ResponseEntity<JsonNode> response = post(INTEGRATION, "/api/leads/" + leadId + "/events",
                Map.of("type", type, "occurredAt", Instant.now().toString()));
        assertThat(response.getStatusCode().value()).as("event answer %s", response.getBody()).isEqualTo(200);
    }

    @Test
    void receiptNamesEveryRuleBehaviourCapAndTableVersion() {
        long id = lead("receipt");
        // Runaway e-mail activity: 22 opens.
        for (int i = 0; i < 22; i++) {
            event(id, "EMAIL_OPENED");
        }

        JsonNode score = get(INTEGRATION, "/api/leads/" + id + "/score").getBody();

        assertThat(score.get("fitScore").asInt()).isEqualTo(20 + 10 + 15 + 5);
        assertThat(score.get("fit").findValuesAsText("reason")).contains("Decision-maker role", "Target region");
        assertThat(score.get("engagementScore").asInt()).as("44 points of e-mail opens capped at 40").isEqualTo(40);
        JsonNode email = findBy(score.get("engagement"), "eventType", "EMAIL_OPENED");
        assertThat(email.get("events").asInt()).isEqualTo(22);
        assertThat(email.get("rulePoints").asInt()).isEqualTo(2);
        JsonNode emailGroup = findBy(score.get("groups"), "group", "email");
        assertThat(emailGroup.get("points").asInt()).isEqualTo(44);
        assertThat(emailGroup.get("counted").asInt()).isEqualTo(40);
        assertThat(score.get("versions").fieldNames()).toIterable().contains(DecisionKeys.LEAD_FIT,
                DecisionKeys.ENGAGEMENT_POINTS, DecisionKeys.ENGAGEMENT_CAPS, DecisionKeys.MQL_QUALIFICATION);
        assertThat(score.get("grade").asText()).as("fit 50 is A, engagement 40 is 2").isEqualTo("A2");
        assertThat(score.get("versions").fieldNames()).toIterable().contains(DecisionKeys.LEAD_GRADE);
        assertThat(score.get("qualified").asBoolean()).isTrue();
        assertThat(lead(id).get("scoreReceipt").asText()).contains("(email capped at 40)");
    }

    /** Caps exist for runaway activity: a normal nurture sequence scores exactly the points table's sum. */
    @Test
    void aWelcomeSeriesOfThreeOpenedAndClickedMailsIsNotCapped() {
        long id = lead("welcome");
        for (int mail = 0; mail < 3; mail++) {
            event(id, "EMAIL_OPENED");
            event(id, "EMAIL_CLICKED");
        }
        event(id, "BLOG_POST_READ");
        event(id, "CONTENT_DOWNLOADED");

        JsonNode score = get(INTEGRATION, "/api/leads/" + id + "/score").getBody();
        assertThat(score.get("engagementScore").asInt()).as("3 x (2 + 5) + 2 + 10").isEqualTo(33);
        JsonNode emailGroup = findBy(score.get("groups"), "group", "email");
        assertThat(emailGroup.get("counted").asInt()).isEqualTo(emailGroup.get("points").asInt()).isEqualTo(21);
        assertThat(lead(id).get("scoreReceipt").asText()).doesNotContain("capped");
    }

    @Test
    void revenueSizesACompanyWithoutAHeadCountAndTheBusinessModelCounts() {
        long id = captureLead(Map.of("email", uniqueEmail("revenue"), "firstName", "Rev", "company", "Rev Inc",
                "annualRevenue", 2_500_000_000L, "businessModel", "B2B"));
        JsonNode lead = lead(id);
        assertThat(lead.get("annualRevenue").asLong()).isEqualTo(2_500_000_000L);
        assertThat(lead.get("businessModel").asText()).isEqualTo("B2B");
        JsonNode score = get(INTEGRATION, "/api/leads/" + id + "/score").getBody();
        assertThat(score.get("fit").findValuesAsText("reason")).containsExactlyInAnyOrder(
                "Enterprise (over 1 B revenue)", "Sells to businesses");
        assertThat(score.get("fitScore").asInt()).isEqualTo(25 + 10);

        ResponseEntity<JsonNode> negative = post(INTEGRATION, "/api/leads", Map.of("email", uniqueEmail("neg"),
                "annualRevenue", -1));
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().get("errors").findValuesAsText("field")).containsExactly("annualRevenue");
    }

    @Test
    void scoringWritesNoDecisionHistory() {
        long before = historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DecisionKeys.LEAD_FIT).count();
        long id = lead("no-history");
        event(id, "BLOG_POST_READ");
        assertThat(historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DecisionKeys.LEAD_FIT).count()).isEqualTo(before);
    }

    @Test
    void aNewVersionScoresNewLeadsWhileOldReceiptsNameTheOldOne() throws IOException {
        long old = lead("old-version");
        event(old, "PRICING_PAGE_VISITED");
        String original = new String(resource("/engagement-points.dmn"), StandardCharsets.UTF_8);
        int current = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DecisionKeys.ENGAGEMENT_POINTS).latestVersion().singleResult().getVersion();
        String pricingRule = "OutputEntry_engagement_points_4_0\"><text>15</text>";
        assertThat(original).contains(pricingRule);
        Deployment changed = deploy(original.replace(pricingRule, "OutputEntry_engagement_points_4_0\"><text>40</text>"));
        try {
            long fresh = lead("new-version");
            event(fresh, "PRICING_PAGE_VISITED");

            assertThat(lead(fresh).get("engagementScore").asInt()).isEqualTo(40);
            assertThat(lead(fresh).get("scoreVersions").asText())
                    .contains(DecisionKeys.ENGAGEMENT_POINTS + ":v" + (current + 1));
            assertThat(lead(old).get("engagementScore").asInt()).isEqualTo(15);
            assertThat(lead(old).get("scoreVersions").asText())
                    .contains(DecisionKeys.ENGAGEMENT_POINTS + ":v" + current);
        } finally {
            // The next version restores the shipped points for the tests that follow.
            deploy(original);
            assertThat(changed).isNotNull();
        }
    }

    @Test
    void parallelEventsForOneLeadLoseNoPoints() throws Exception {
        long id = lead("parallel");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String type = i % 2 == 0 ? "BLOG_POST_READ" : "EMAIL_OPENED";
            Callable<Void> send = () -> {
                start.await();
                event(id, type);
                return null;
            };
            sent.add(pool.submit(send));
        }
        start.countDown();
        for (Future<?> future : sent) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(lead(id).get("engagementScore").asInt()).as("5 blog posts and 5 e-mail opens, 2 points each")
                .isEqualTo(20);
    }

    private Deployment deploy(String dmn) {
        return repositoryService.createDeployment().name("scoring-it")
                .addInputStream("engagement-points.dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ScoringIT.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
