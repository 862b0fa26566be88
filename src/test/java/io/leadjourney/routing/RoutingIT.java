package io.leadjourney.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.DmnEdit;
import io.leadjourney.IntegrationTest;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.sla.TeamCalendar;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing inside a group of reps, through the real service and database: fairness over 1,000 assignments, reps
 * who are away or at capacity skipped with the reason, turns weighted by win rate, and reps kept through
 * {@code /api/reps} in step with Camunda. Each test works in the APAC territory with reps of its own, the
 * group's other reps taken out of routing first.
 */
class RoutingIT extends IntegrationTest {

    private static final String APAC = "reps-apac";

    @Autowired
    private RoutingService routing;
    @Autowired
    private TeamCalendar calendar;
    @Autowired
    private RepositoryService repositoryService;

    private String run;

    @BeforeEach
    void onlyThisTestsRepsRouteApac() {
        run = UUID.randomUUID().toString().substring(0, 6);
        deactivateRepsOf(APAC);
    }

    private String rep(String name, Integer maxOpenLeads) {
        return newRep(name + "-" + run, APAC, maxOpenLeads);
    }

    private void setActive(String id, boolean active, Integer maxOpenLeads) {
        Map<String, Object> form = new HashMap<>();
        form.put("displayName", "Rep " + id);
        form.put("groups", List.of(APAC));
        form.put("active", active);
        form.put("maxOpenLeads", maxOpenLeads);
        assertThat(put("manager", "/api/reps/" + id, form).getStatusCode().value()).isEqualTo(200);
    }

    private long apacLead(String who, Integer employees) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", uniqueEmail(who));
        lead.put("firstName", who);
        lead.put("company", who + " Pty");
        lead.put("employees", employees);
        lead.put("country", "Australia");
        lead.put("wantsContact", true);
        return captureLead(lead);
    }

    /** The domain's size bands, each reached by a real lead (the estimated deal value once shadowed the last). */
    @Test
    void eachSizeBandRoutesItsLeadsWithTheBandAsTheReason() {
        Map<Integer, String> bands = Map.of(8, "up to 10 employees", 30, "11-50 employees",
                200, "more than 50 employees");
        bands.forEach((employees, band) -> {
            long lead = captureLead(Map.of("email", uniqueEmail("band-" + employees), "firstName", "Band",
                    "company", "Band " + employees, "employees", employees, "country", "Germany",
                    "wantsContact", true));
            routing.assign(lead, null);
            assertThat(lead(lead).get("routingReason").asText()).as("lead with %s employees", employees)
                    .contains(band);
        });
    }

    @Test
    void aThousandAssignmentsAreSharedWithinOneOfEachOther() {
        List<String> reps = List.of(rep("fair1", null), rep("fair2", null), rep("fair3", null));
        long lead = apacLead("fair", 30);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            counts.merge(routing.assign(lead, null).repId(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(reps);
        int most = counts.values().stream().max(Integer::compare).orElseThrow();
        int least = counts.values().stream().min(Integer::compare).orElseThrow();
        assertThat(most - least).as("counts %s", counts).isLessThanOrEqualTo(1);
        assertThat(lead(lead).get("routingReason").asText()).contains("APAC territory").contains("round robin turn");
    }

    @Test
    void repsWhoAreAwayOrAtCapacityAreSkippedWithTheReason() {
        String away = rep("away", null);
        String full = rep("full", null);
        String free = rep("free", null);
        LocalDate today = LocalDate.now(calendar.zone());
        ResponseEntity<JsonNode> absence = post("manager", "/api/reps/" + away + "/absences",
                Map.of("firstDay", today.minusDays(1).toString(), "lastDay", today.plusDays(3).toString(),
                        "reason", "Trade fair"));
        assertThat(absence.getStatusCode().value()).as("answer %s", absence.getBody()).isEqualTo(201);

        long first = apacLead("first", 30);
        runDueJobs(first);
        while (!full.equals(lead(first).get("assignedRep").asText())) {
            routing.assign(first, null);
        }
        setActive(full, true, 1);

        long second = apacLead("second", 30);
        runDueJobs(second);
        JsonNode routed = lead(second);
        assertThat(routed.get("assignedRep").asText()).isEqualTo(free);
        assertThat(routed.get("routingReason").asText())
                .contains(away + " (away until " + today.plusDays(3) + ")")
                .contains(full + " (at capacity: 1 of 1 open leads)");

        setActive(free, false, null);
        Assignment nobody = routing.assign(second, null);
        assertThat(nobody.hasRep()).isFalse();
        assertThat(nobody.reason()).contains("no rep of the group is available");

        long absenceId = absence.getBody().get("id").asLong();
        assertThat(http.withBasicAuth("manager", "manager").exchange("/api/reps/" + away + "/absences/" + absenceId,
                HttpMethod.DELETE, null, JsonNode.class).getStatusCode().value()).isEqualTo(204);
        assertThat(routing.assign(second, null).repId()).as("back from the trade fair").isEqualTo(away);
    }

    @Test
    void repsWhoWinMoreGetMoreTurns() {
        Map<String, Integer> counts = new HashMap<>();
        Assignment last = oneRoundAfterThreeWinsAndThreeLosses(counts);
        // round-robin-weighting.dmn as shipped: 6 closed deals are enough (5).
        assertThat(counts).containsEntry("winner-" + run, 16).containsEntry("loser-" + run, 4)
                .containsEntry("newcomer-" + run, 10);
        assertThat(last.reason()).contains("weighted by win rate");
    }

    @Test
    void aProcessOwnerKeepsAGroupOnPlainTurnsWithoutARelease() throws IOException {
        deployWeighting(DmnEdit.withFirstRule(DmnEdit.shipped(DecisionKeys.ROUND_ROBIN_WEIGHTING),
                DecisionKeys.ROUND_ROBIN_WEIGHTING, "APAC shares its leads equally", List.of("\"reps-apac\"", "-"),
                "false"));
        try {
            Map<String, Integer> counts = new HashMap<>();
            Assignment last = oneRoundAfterThreeWinsAndThreeLosses(counts);
            assertThat(counts).containsEntry("winner-" + run, 10).containsEntry("loser-" + run, 10)
                    .containsEntry("newcomer-" + run, 10);
            assertThat(last.reason()).doesNotContain("weighted");
        } finally {
            deployWeighting(DmnEdit.shipped(DecisionKeys.ROUND_ROBIN_WEIGHTING));
        }
    }

    private void deployWeighting(String dmn) {
        repositoryService.createDeployment().name("routing-it").addInputStream(DecisionKeys.ROUND_ROBIN_WEIGHTING
                + ".dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    /** The winner won 3, the loser lost 3, the newcomer has none; then 30 leads. */
    private Assignment oneRoundAfterThreeWinsAndThreeLosses(Map<String, Integer> counts) {
        String winner = rep("winner", null);
        String loser = rep("loser", null);
        String newcomer = rep("newcomer", null);
        setActive(loser, false, null);
        setActive(newcomer, false, null);
        closeDeals(winner, "WON", 3);
        setActive(winner, false, null);
        setActive(loser, true, null);
        closeDeals(loser, "LOST", 3);
        setActive(winner, true, null);
        setActive(newcomer, true, null);

        long lead = apacLead("weighted", 30);
        Assignment last = null;
        for (int i = 0; i < 30; i++) {  // one full round: 16 + 4 + 10 turns when weighted
            last = routing.assign(lead, null);
            counts.merge(last.repId(), 1, Integer::sum);
        }
        return last;
    }

    private void closeDeals(String rep, String outcome, int deals) {
        for (int i = 0; i < deals; i++) {
            long id = apacLead(rep + "-deal" + i, 30);
            assertThat(handToSales(id)).isEqualTo(rep);
            Map<String, Object> report = new HashMap<>();
            report.put("outcome", outcome);
            report.put("closedOn", LocalDate.now(java.time.ZoneOffset.UTC).toString());
            if ("WON".equals(outcome)) {
                report.put("value", 10000);
                report.put("currency", "AUD");
            } else {
                report.put("lostReason", "PRICE");
            }
            assertThat(post("manager", "/api/leads/" + id + "/outcome", report).getStatusCode().value())
                    .isEqualTo(201);
        }
    }

    @Test
    void repsAreKeptInStepWithCamundaAndOnlyManagersManageThem() {
        String id = rep("login", 5);
        assertThat(identityService.createGroupQuery().groupMember(id).list()).extracting("id")
                .containsExactlyInAnyOrder(APAC, "sales-reps");
        assertThat(http.withBasicAuth(id, id + "-secret").getForEntity("/engine-rest/task?maxResults=5",
                String.class).getStatusCode().value()).as("the new rep logs in to engine-rest").isEqualTo(200);
        JsonNode view = get("manager", "/api/reps/" + id).getBody();
        assertThat(view.get("maxOpenLeads").asInt()).isEqualTo(5);
        assertThat(view.get("groups").get(0).asText()).isEqualTo(APAC);

        Map<String, Object> moved = new HashMap<>();
        moved.put("displayName", "Rep login");
        moved.put("groups", List.of("reps-mid"));
        moved.put("active", false);
        assertThat(put("admin", "/api/reps/" + id, moved).getStatusCode().value()).isEqualTo(200);
        assertThat(identityService.createGroupQuery().groupMember(id).list()).extracting("id")
                .as("an inactive rep leaves the sales reps and the old territory").containsExactly("reps-mid");

        Map<String, Object> noPassword = new HashMap<>(moved);
        assertThat(put("manager", "/api/reps/new-" + run, noPassword).getBody().get("errors")
                .findValuesAsText("field")).containsExactly("password");
        assertThat(put("manager", "/api/reps/bad_id!", moved).getStatusCode().value()).isEqualTo(400);
        Map<String, Object> badGroup = new HashMap<>(moved);
        badGroup.put("groups", List.of("Reps Mid"));
        ResponseEntity<JsonNode> refused = put("manager", "/api/reps/" + id, badGroup);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field").get(0)).startsWith("groups");
        ResponseEntity<JsonNode> backwards = post("manager", "/api/reps/" + id + "/absences",
                Map.of("firstDay", "2030-01-10", "lastDay", "2030-01-01"));
        assertThat(backwards.getBody().get("errors").findValuesAsText("field")).containsExactly("lastDay");
        assertThat(get("manager", "/api/reps/nobody-" + run).getStatusCode().value()).isEqualTo(404);

        assertThat(get("rep-a", "/api/reps").getStatusCode().value()).isEqualTo(403);
        assertThat(get("marketing", "/api/reps").getStatusCode().value()).isEqualTo(403);
        assertThat(put("integration", "/api/reps/" + id, moved).getStatusCode().value()).isEqualTo(403);
    }
}
