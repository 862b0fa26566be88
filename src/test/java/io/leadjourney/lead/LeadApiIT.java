package io.leadjourney.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/leads}: intake, read, events; validation and access answered as problem details. */
class LeadApiIT extends IntegrationTest {

    @Autowired
    private LeadRepository leads;

    private static Map<String, Object> lead(String email) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", email);
        lead.put("firstName", "Grace");
        lead.put("lastName", "Hopper");
        lead.put("company", "Compiler Corp");
        lead.put("employees", 35);
        lead.put("industry", "Software");
        lead.put("role", "VP Engineering");
        lead.put("country", "United States");
        lead.put("source", "trade show");
        lead.put("wantsContact", true);
        return lead;
    }

    @Test
    void newLeadIsCreatedWithLocationStageScoreAndOneJourney() {
        ResponseEntity<JsonNode> response = post(INTEGRATION, "/api/leads", lead(uniqueEmail("grace")));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = response.getBody();
        long id = body.get("id").asLong();
        assertThat(response.getHeaders().getLocation()).hasPath("/api/leads/" + id);
        assertThat(body.get("stage").asText()).isEqualTo("LEAD");
        assertThat(body.get("score").asInt()).isEqualTo(40);
        assertThat(body.get("fitScore").asInt()).isEqualTo(40);
        assertThat(body.get("scoreReceipt").asText()).contains("+15 Decision-maker role");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(id)).count()).isEqualTo(1);
        assertThat(body.get("timeline").get(0).get("to").asText()).isEqualTo("LEAD");
        assertThat(body.get("timeline").get(0).get("by").asText()).isEqualTo(INTEGRATION);
    }

    @Test
    void sameEmailAgainJoinsTheExistingLeadWithoutASecondJourney() {
        String email = uniqueEmail("twice");
        long id = captureLead(lead(email));
        Map<String, Object> again = lead(email.toUpperCase());
        again.put("firstName", "Amazing Grace");
        again.put("company", null);

        ResponseEntity<JsonNode> response = post(INTEGRATION, "/api/leads", again);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("id").asLong()).isEqualTo(id);
        assertThat(response.getBody().get("firstName").asText()).isEqualTo("Amazing Grace");
        assertThat(response.getBody().get("company").asText()).as("a missing field keeps what we knew")
                .isEqualTo("Compiler Corp");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).count())
                .isEqualTo(1);
    }

    @Test
    void theSameNewEmailPostedAtOnceMakesOneLeadWithOneJourney() throws Exception {
        String email = uniqueEmail("race");
        int posts = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(posts);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < posts; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(INTEGRATION, "/api/leads", lead(email));
            }));
        }
        start.countDown();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        int created = 0;
        for (java.util.concurrent.Future<ResponseEntity<JsonNode>> answer : answers) {
            ResponseEntity<JsonNode> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.getStatusCode().value()).as("answer %s", response.getBody()).isIn(200, 201);
            created += response.getStatusCode().value() == 201 ? 1 : 0;
            ids.add(response.getBody().get("id").asLong());
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
        assertThat(leads.findByEmail(email)).isPresent();
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(ids.iterator().next())).count()).isEqualTo(1);
    }

    /** What a rep needs to reach and qualify the lead, taken, shown and checked like the rest. */
    @Test
    void phoneWebsiteJobTitlePurchaseTimingProblemAndUsersAreKeptAndChecked() {
        Map<String, Object> details = lead(uniqueEmail("details"));
        details.putAll(Map.of("phone", "+49 30 1234-567", "website", "https://details.example/about",
                "jobTitle", "Head of Finance Operations", "purchaseTiming", "WITHIN_3_MONTHS",
                "problem", "Month-end close takes two weeks", "users", 40));
        long id = captureLead(details);
        JsonNode lead = lead(id);
        assertThat(List.of(lead.get("phone").asText(), lead.get("website").asText(), lead.get("jobTitle").asText(),
                lead.get("purchaseTiming").asText(), lead.get("problem").asText(), lead.get("users").asText()))
                .containsExactly("+49 30 1234-567", "https://details.example/about", "Head of Finance Operations",
                        "WITHIN_3_MONTHS", "Month-end close takes two weeks", "40");

        Map<String, Object> bad = lead(uniqueEmail("bad-details"));
        bad.putAll(Map.of("phone", "call me maybe", "website", "not a site", "purchaseTiming", "SOON",
                "users", -3));
        ResponseEntity<JsonNode> refused = post(INTEGRATION, "/api/leads", bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("phone",
                "website", "purchaseTiming", "users");
        assertThat(refused.getBody().toString()).contains("WITHIN_3_MONTHS, WITHIN_12_MONTHS, LATER, UNKNOWN");
    }

    @Test
    void invalidLeadIsRefusedNamingTheFieldsAndNothingIsStored() {
        long leadsBefore = leads.count();
        long journeysBefore = runtimeService.createProcessInstanceQuery().count();
        Map<String, Object> bad = lead("not-an-email");
        bad.put("employees", -1);

        ResponseEntity<JsonNode> response = post(INTEGRATION, "/api/leads", bad);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains("email").contains("employees");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email",
                "employees");
        assertThat(leads.count()).isEqualTo(leadsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(journeysBefore);
    }

    @Test
    void missingEmailWrongTypesUnknownFieldsAndBrokenJsonAreNamed() {
        assertThat(postRaw(INTEGRATION, "/api/leads", "{\"firstName\":\"Ann\"}").getBody()
                .get("errors").findValuesAsText("field")).containsExactly("email");
        assertThat(postRaw(INTEGRATION, "/api/leads", "{\"email\":\"a@b.example\",\"employees\":\"many\"}").getBody()
                .get("errors").findValuesAsText("field")).containsExactly("employees");
        assertThat(postRaw(INTEGRATION, "/api/leads", "{\"email\":\"a@b.example\",\"budget\":1}").getBody()
                .get("errors").findValuesAsText("field")).containsExactly("budget");
        ResponseEntity<JsonNode> broken = postRaw(INTEGRATION, "/api/leads", "{\"email\":");
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(broken.getBody().get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void eventRaisesTheEngagementScore() {
        long id = captureLead(lead(uniqueEmail("events")));

        ResponseEntity<JsonNode> response = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "PRICING_PAGE_VISITED", "occurredAt", java.time.Instant.now().toString()));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("engagementScore").asInt()).isEqualTo(15);
        assertThat(lead(id).get("score").asInt()).isEqualTo(55);
        assertThat(lead(id).get("scoreReceipt").asText()).contains("+15 Visited the pricing page");
    }

    @Test
    void eventWithAnUnknownTypeOrNoTimeIsRefusedNamingTheField() {
        long id = captureLead(lead(uniqueEmail("bad-event")));

        ResponseEntity<JsonNode> unknown = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "PAGE_PRINTED", "occurredAt", java.time.Instant.now().toString()));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").findValuesAsText("field")).containsExactly("type");
        assertThat(unknown.getBody().get("detail").asText()).contains("PRICING_PAGE_VISITED");

        ResponseEntity<JsonNode> noTime = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "BLOG_POST_READ"));
        assertThat(noTime.getBody().get("errors").findValuesAsText("field")).containsExactly("occurredAt");
        assertThat(lead(id).get("engagementScore").asInt()).isZero();
    }

    @Test
    void unknownLeadIsA404Problem() {
        ResponseEntity<JsonNode> response = get(INTEGRATION, "/api/leads/987654321");
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Lead not found");
        assertThat(post(INTEGRATION, "/api/leads/987654321/events", Map.of("type", "BLOG_POST_READ",
                "occurredAt", java.time.Instant.now().toString())).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void apiNeedsAnAuthenticatedUserOfTheRightGroup() {
        ResponseEntity<JsonNode> anonymous = http.exchange("/api/leads/1", HttpMethod.GET, null, JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getBody().get("title").asText()).isEqualTo("Authentication required");

        // A user of its own: Camunda's login throttling locks a user for a few seconds after a wrong password.
        String guessed = "guessed-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        org.camunda.bpm.engine.identity.User user = identityService.newUser(guessed);
        user.setPassword(guessed + "-secret");
        identityService.saveUser(user);
        identityService.createMembership(guessed, io.leadjourney.security.Groups.MARKETING);
        assertThat(http.withBasicAuth(guessed, guessed + "-secret").getForEntity("/api/leads/1", JsonNode.class)
                .getStatusCode().value()).as("the right password").isIn(200, 404);
        ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth(guessed, "guess")
                .getForEntity("/api/leads/1", JsonNode.class);
        assertThat(wrongPassword.getStatusCode().value()).as("a wrong one, even right after a good login")
                .isEqualTo(401);

        ResponseEntity<JsonNode> rep = post("rep-a", "/api/leads", lead(uniqueEmail("rep")));
        assertThat(rep.getStatusCode().value()).isEqualTo(403);
        assertThat(rep.getBody().get("status").asInt()).isEqualTo(403);
    }
}
