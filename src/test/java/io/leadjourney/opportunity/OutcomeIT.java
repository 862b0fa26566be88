package io.leadjourney.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/leads/{id}/outcome}: what sales reports for an SQL, recorded once, validated. */
class OutcomeIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    private OpportunityRepository opportunities;

    private long sql(String who) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " AG",
                "employees", 20, "wantsContact", true));
        handToSales(id);
        return id;
    }

    private static Map<String, Object> won(String value) {
        return Map.of("outcome", "WON", "value", new BigDecimal(value), "currency", "EUR",
                "closedOn", TODAY.toString());
    }

    private ResponseEntity<JsonNode> report(String user, long leadId, Map<String, Object> outcome) {
        return post(user, "/api/leads/" + leadId + "/outcome", outcome);
    }

    @Test
    void aWonDealClosesTheFunnelOnceAndAReplayChangesNothing() {
        long id = sql("won");
        JsonNode handedOff = lead(id).get("opportunity");
        Opportunity made = opportunities.findByLeadId(id).orElseThrow();
        assertThat(handedOff.get("id").asLong()).as("the SQL lead shows its opportunity").isEqualTo(made.getId());
        assertThat(handedOff.get("estimatedValue").decimalValue()).isEqualByComparingTo(made.getEstimatedValue());
        assertThat(handedOff.get("temperature").asText()).isEqualTo(made.getTemperature()).isNotBlank();
        assertThat(handedOff.get("outcome").isNull()).isTrue();

        ResponseEntity<JsonNode> first = report(INTEGRATION, id, won("25000.00"));
        assertThat(first.getStatusCode().value()).as("answer %s", first.getBody()).isEqualTo(201);
        assertThat(first.getBody().get("outcome").asText()).isEqualTo("WON");
        assertThat(first.getBody().get("salesCycleDays").asInt()).isZero();
        assertThat(first.getBody().get("recordedBy").asText()).isEqualTo(INTEGRATION);
        assertThat(lead(id).get("stage").asText()).isEqualTo("WON");
        assertThat(lead(id).get("timeline").findValuesAsText("to")).containsExactly("LEAD", "MQL", "SAL", "SQL",
                "WON");

        ResponseEntity<JsonNode> replay = report(INTEGRATION, id, won("25000"));
        assertThat(replay.getStatusCode().value()).as("same outcome, 25000 = 25000.00").isEqualTo(200);
        assertThat(replay.getBody().get("replay").asBoolean()).isTrue();

        ResponseEntity<JsonNode> contradiction = report("manager", id, Map.of("outcome", "LOST",
                "closedOn", TODAY.toString(), "lostReason", "PRICE"));
        assertThat(contradiction.getStatusCode().value()).isEqualTo(409);
        assertThat(contradiction.getBody().get("detail").asText()).contains("already closed as WON");

        assertThat(lead(id).get("opportunity").get("outcome").asText()).isEqualTo("WON");
        assertThat(lead(id).get("opportunity").get("dealValue").decimalValue()).isEqualByComparingTo("25000");
        Opportunity stored = opportunities.findByLeadId(id).orElseThrow();
        assertThat(stored.getOutcome()).isEqualTo(DealOutcome.WON);
        assertThat(stored.getDealValue()).isEqualByComparingTo("25000");
        assertThat(stored.getCurrency()).isEqualTo("EUR");
        assertThat(lead(id).get("timeline").findValuesAsText("to")).as("one WON, nothing after it")
                .containsExactly("LEAD", "MQL", "SAL", "SQL", "WON");
    }

    @Test
    void aLostDealNeedsItsReason() {
        long id = sql("lost");
        ResponseEntity<JsonNode> noReason = report(INTEGRATION, id, Map.of("outcome", "LOST",
                "closedOn", TODAY.toString()));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("errors").findValuesAsText("field")).containsExactly("lostReason");
        assertThat(stageOf(id)).isEqualTo("SQL");

        ResponseEntity<JsonNode> lost = report(INTEGRATION, id, Map.of("outcome", "LOST", "closedOn",
                TODAY.toString(), "lostReason", "COMPETITOR", "value", 8000, "currency", "USD"));
        assertThat(lost.getStatusCode().value()).as("answer %s", lost.getBody()).isEqualTo(201);
        assertThat(stageOf(id)).isEqualTo("LOST");
        assertThat(opportunities.findByLeadId(id).orElseThrow().getLostReason()).isEqualTo(LostReason.COMPETITOR);
    }

    @Test
    void badOutcomesAreRefusedNamingTheFieldAndStoreNothing() {
        long id = sql("bad");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("value", without(won("100"), "value"));
        cases.put("currency", with(won("100"), "currency", "EUX"));
        cases.put("currency ", with(won("100"), "currency", "eur"));
        cases.put("closedOn", with(won("100"), "closedOn", TODAY.plusDays(30).toString()));
        cases.put("closedOn ", with(won("100"), "closedOn", TODAY.minusDays(30).toString()));
        cases.put("closedOn  ", without(won("100"), "closedOn"));
        cases.put("outcome", with(won("100"), "outcome", "MAYBE"));
        cases.put("lostReason", with(won("100"), "lostReason", "PRICE"));
        cases.put("value ", with(won("100"), "value", -5));
        cases.put("value  ", with(won("100"), "value", "lots"));
        cases.forEach((field, body) -> {
            ResponseEntity<JsonNode> answer = report(INTEGRATION, id, body);
            assertThat(answer.getStatusCode().value()).as("%s: %s", body, answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).as("%s", body)
                    .containsExactly(field.trim());
        });
        assertThat(opportunities.findByLeadId(id).orElseThrow().getOutcome()).isNull();
        assertThat(stageOf(id)).isEqualTo("SQL");
    }

    @Test
    void onlySqlsHaveOutcomesAndOnlyTheCrmManagersAndAdminsReportThem() {
        long mql = captureLead(Map.of("email", uniqueEmail("not-yet"), "firstName", "Not", "company", "Yet AG",
                "employees", 20, "wantsContact", true));
        ResponseEntity<JsonNode> notSql = report(INTEGRATION, mql, won("100"));
        assertThat(notSql.getStatusCode().value()).isEqualTo(409);
        assertThat(notSql.getBody().get("detail").asText()).contains("never handed to sales");

        assertThat(report(INTEGRATION, 987_654_321L, won("100")).getStatusCode().value()).isEqualTo(404);
        long id = sql("who");
        assertThat(report("rep-a", id, won("100")).getStatusCode().value()).isEqualTo(403);
        assertThat(report("marketing", id, won("100")).getStatusCode().value()).isEqualTo(403);
        assertThat(stageOf(id)).isEqualTo("SQL");
        assertThat(report("manager", id, won("100")).getStatusCode().value()).isEqualTo(201);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
