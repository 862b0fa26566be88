package io.leadjourney.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/definition/what-if} on a hand-checked data set. */
class WhatIfIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private long lead(String source, String who, boolean handRaise, String... events) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", uniqueEmail(who));
        lead.put("firstName", who);
        lead.put("company", who + " BV");
        lead.put("employees", 30);      // 10 points
        lead.put("role", "CTO");        // 15 points: fit 25, grade B
        lead.put("source", source);
        lead.put("wantsContact", handRaise);
        long id = captureLead(lead);
        for (String type : events) {
            assertThat(post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", type,
                    "occurredAt", Instant.now().toString())).getStatusCode().value()).isEqualTo(200);
        }
        return id;
    }

    private ResponseEntity<JsonNode> whatIf(String user, byte[] dmn, LocalDate from, LocalDate to, String source) {
        Map<String, String> fields = new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
        if (source != null) {
            fields.put("source", source);
        }
        return postFile(user, "/api/definition/what-if", "candidate.dmn", dmn, fields);
    }

    private static byte[] pricingWorth30() throws IOException {
        String original;
        try (InputStream in = WhatIfIT.class.getResourceAsStream("/engagement-points.dmn")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String pricingRule = "OutputEntry_engagement_points_4_0\"><text>15</text>";
        assertThat(original).contains(pricingRule);
        return original.replace(pricingRule, "OutputEntry_engagement_points_4_0\"><text>30</text>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void candidateIsReplayedAgainstTheDeployedDefinition() throws IOException {
        String source = "what-if-" + UUID.randomUUID();
        long pricingAndBlog = lead(source, "l1", false, "PRICING_PAGE_VISITED", "BLOG_POST_READ"); // 17 -> 32
        lead(source, "l2", false, "TRIAL_STARTED");                                                // 25 both
        long handRaise = lead(source, "l3", true);                                                 // MQL both
        lead(source, "l4", false);                                                                 // never
        lead(source, "l5", false, "PRICING_PAGE_VISITED", "PRICING_PAGE_VISITED");                 // 30 -> 40
        handToSales(handRaise);
        assertThat(post("manager", "/api/leads/" + handRaise + "/outcome", Map.of("outcome", "WON", "value", 12000,
                "currency", "EUR", "closedOn", TODAY.toString())).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> response = whatIf("marketing", pricingWorth30(), TODAY, TODAY.plusDays(1), source);

        assertThat(response.getStatusCode().value()).as("answer %s", response.getBody()).isEqualTo(200);
        JsonNode report = response.getBody();
        assertThat(report.get("leads").asInt()).isEqualTo(5);
        assertThat(report.get("candidateTables").get(0).asText()).isEqualTo("engagement-points");
        assertThat(report.get("current").get("mqls").asInt()).isEqualTo(3);
        assertThat(report.get("candidate").get("mqls").asInt()).isEqualTo(4);
        assertThat(report.get("current").get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("candidate").get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("current").get("sql").asInt()).isEqualTo(1);
        assertThat(report.get("candidate").get("sql").asInt()).isEqualTo(1);
        assertThat(report.get("current").get("won").asInt()).isEqualTo(1);
        assertThat(report.get("candidate").get("won").asInt()).isEqualTo(1);
        assertThat(report.get("newlyQualified").get(0).asLong()).isEqualTo(pricingAndBlog);
        assertThat(report.get("newlyQualified").size()).isEqualTo(1);
        assertThat(report.get("noLongerQualified").size()).isZero();
        JsonNode week = report.get("weeks").get(0);
        assertThat(report.get("weeks").size()).isEqualTo(1);
        assertThat(week.get("currentMqls").asInt()).isEqualTo(3);
        assertThat(week.get("candidateMqls").asInt()).isEqualTo(4);
        assertThat(week.get("candidateAccepted").asInt()).isEqualTo(1);
        assertThat(week.get("candidateSql").asInt()).isEqualTo(1);
        assertThat(week.get("candidateWon").asInt()).isEqualTo(1);

        JsonNode everySource = whatIf("manager", pricingWorth30(), TODAY, TODAY.plusDays(1), null).getBody();
        assertThat(everySource.get("leads").asInt()).as("all of today's leads, these five among them")
                .isGreaterThanOrEqualTo(5);
        assertThat(everySource.get("candidate").get("mqls").asInt())
                .isGreaterThanOrEqualTo(everySource.get("current").get("mqls").asInt());
    }

    @Test
    void aFileThatIsNotAScoringTableIsRefusedNamingTheFile() throws IOException {
        byte[] bant;
        try (InputStream in = WhatIfIT.class.getResourceAsStream("/bant-temperature.dmn")) {
            bant = in.readAllBytes();
        }
        ResponseEntity<JsonNode> notScoring = whatIf("marketing", bant, TODAY, TODAY.plusDays(1), null);
        assertThat(notScoring.getStatusCode().value()).isEqualTo(400);
        assertThat(notScoring.getBody().get("errors").findValuesAsText("field")).containsExactly("file");

        ResponseEntity<JsonNode> notDmn = whatIf("marketing", "<xml/>".getBytes(StandardCharsets.UTF_8), TODAY,
                TODAY.plusDays(1), null);
        assertThat(notDmn.getStatusCode().value()).isEqualTo(400);
        assertThat(notDmn.getBody().get("errors").findValuesAsText("field")).containsExactly("file");
    }

    @Test
    void aBackwardsPeriodIsRefusedAndRepsMayNotRunIt() throws IOException {
        ResponseEntity<JsonNode> backwards = whatIf("marketing", pricingWorth30(), TODAY, TODAY.minusDays(7), null);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().get("errors").findValuesAsText("field")).containsExactly("to");

        assertThat(whatIf("rep-a", pricingWorth30(), TODAY, TODAY.plusDays(1), null).getStatusCode().value())
                .isEqualTo(403);
    }
}
