package io.leadjourney.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/events}: batches for many leads, idempotent, per-event report, anonymous activity. */
class EventBatchIT extends IntegrationTest {

    /** Recent: engagement decays, and these tests count points at face value. */
    private static final String WHEN = java.time.Instant.now().toString();

    private static Map<String, Object> event(String eventId, Object leadId, String email, String type, String at) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", eventId);
        event.put("leadId", leadId);
        event.put("email", email);
        event.put("type", type);
        event.put("occurredAt", at);
        return event;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private long newLead(String who, boolean handRaise) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", uniqueEmail(who));
        lead.put("firstName", who);
        lead.put("company", who + " AG");
        lead.put("employees", 30);
        lead.put("role", "Head of IT");
        lead.put("wantsContact", handRaise);
        return captureLead(lead);
    }

    private ResponseEntity<JsonNode> send(List<Map<String, Object>> events) {
        return post(INTEGRATION, "/api/events", Map.of("events", events));
    }

    @Test
    void goodEventsGoInAndEachBadOneIsReportedWithItsReason() {
        long first = newLead("batch-a", true);
        long second = newLead("batch-b", true);
        String secondEmail = lead(second).get("email").asText();
        String replayed = id();
        List<Map<String, Object>> events = List.of(
                event(replayed, first, null, "PRICING_PAGE_VISITED", WHEN),
                event(id(), null, secondEmail.toUpperCase(), "TRIAL_STARTED", WHEN),
                event(replayed, first, null, "PRICING_PAGE_VISITED", WHEN),
                event(id(), first, null, "PAGE_PRINTED", WHEN),
                event(id(), first, null, "BLOG_POST_READ", "yesterday"),
                event(null, first, null, "BLOG_POST_READ", WHEN),
                event(id(), 987654321L, null, "BLOG_POST_READ", WHEN),
                event(id(), null, null, "BLOG_POST_READ", WHEN));

        JsonNode report = send(events).getBody();

        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("duplicates").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        assertThat(report.get("items").findValuesAsText("status")).containsExactly("ACCEPTED", "ACCEPTED",
                "DUPLICATE", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        List<String> reasons = report.get("items").findValuesAsText("reason");
        assertThat(String.join("|", reasons))
                .contains("type: 'PAGE_PRINTED' is not a behaviour of the engagement-points table; it knows [")
                .contains("occurredAt:")
                .contains("eventId: is required").contains("no lead with id 987654321")
                .contains("leadId or email: one is required");
        assertThat(lead(first).get("engagementScore").asInt()).isEqualTo(15);
        assertThat(lead(second).get("engagementScore").asInt()).isEqualTo(25);
    }

    @Test
    void aReplayedBatchCountsNothingTwice() {
        long leadId = newLead("replay", true);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event(id(), leadId, null, "EMAIL_OPENED", WHEN));
        }
        assertThat(send(events).getBody().get("accepted").asInt()).isEqualTo(5);

        JsonNode replay = send(events).getBody();

        assertThat(replay.get("accepted").asInt()).isZero();
        assertThat(replay.get("duplicates").asInt()).isEqualTo(5);
        assertThat(lead(leadId).get("engagementScore").asInt()).isEqualTo(10);
    }

    @Test
    void anonymousActivityCountsOnceTheVisitorBecomesALead() {
        String email = uniqueEmail("visitor");
        JsonNode report = send(List.of(event(id(), null, email, "CONTENT_DOWNLOADED", WHEN),
                event(id(), null, email, "PRICING_PAGE_VISITED", WHEN))).getBody();
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("items").get(0).get("leadId").isNull()).isTrue();
        assertThat(report.get("items").get(0).get("reason").asText()).contains("anonymous");

        long leadId = captureLead(Map.of("email", email, "firstName", "Vera", "company", "Visitor Inc",
                "employees", 30, "role", "CTO"));

        JsonNode lead = lead(leadId);
        assertThat(lead.get("engagementScore").asInt()).isEqualTo(25);
        assertThat(lead.get("qualified").asBoolean()).as("fit 10+ and engagement 25: an MQL from the start").isTrue();
        runDueJobs(leadId);
        assertThat(stageOf(leadId)).isEqualTo("MQL");
        assertThat(taskOf(leadId, TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-b");
    }

    @Test
    void aBatchThatMakesANurturedLeadQualifySendsItBackIntoItsJourney() {
        long leadId = newLead("batch-nurture", false);
        runDueJobs(leadId);
        assertThat(stageOf(leadId)).isEqualTo("NURTURE");

        send(List.of(event(id(), leadId, null, "TRIAL_STARTED", WHEN)));
        runDueJobs(leadId);

        assertThat(stageOf(leadId)).isEqualTo("MQL");
        assertThat(taskOf(leadId, TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-b");
    }

    @Test
    void staleActivityDoesNotRequalifyANurturedLeadButFreshActivityDoes() {
        long leadId = newLead("stale", false);
        runDueJobs(leadId);
        String longAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(100)).toString();

        send(List.of(event(id(), leadId, null, "TRIAL_STARTED", longAgo),
                event(id(), leadId, null, "PRICING_PAGE_VISITED", longAgo)));
        assertThat(lead(leadId).get("engagementScore").asInt()).as("40 points, 100 days old, half-life 30 days")
                .isEqualTo(4);
        assertThat(stageOf(leadId)).isEqualTo("NURTURE");
        assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(String.valueOf(leadId))
                .activityId("Gateway_AwaitEngagement").count()).isEqualTo(1);

        send(List.of(event(id(), leadId, null, "TRIAL_STARTED", WHEN)));
        runDueJobs(leadId);
        assertThat(lead(leadId).get("engagementScore").asInt())
                .as("trials 25 + 2.48 capped at 25, plus the stale pricing visit's 1.49").isEqualTo(26);
        assertThat(stageOf(leadId)).isEqualTo("MQL");
    }

    @Test
    void anOversizedOrEmptyBatchIsRefusedWhole() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= EventBatch.MAX_EVENTS; i++) {
            tooMany.add(event("x" + i, 1, null, "BLOG_POST_READ", WHEN));
        }
        ResponseEntity<JsonNode> oversized = send(tooMany);
        assertThat(oversized.getStatusCode().value()).isEqualTo(400);
        assertThat(oversized.getBody().get("errors").findValuesAsText("field")).containsExactly("events");

        ResponseEntity<JsonNode> empty = send(List.of());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("errors").findValuesAsText("field")).containsExactly("events");
    }

    @Test
    void onlyIntegrationsMarketingAndAdminsMaySendEvents() {
        ResponseEntity<JsonNode> rep = post("rep-a", "/api/events", Map.of("events",
                List.of(event(id(), 1, null, "BLOG_POST_READ", WHEN))));
        assertThat(rep.getStatusCode().value()).isEqualTo(403);
    }
}
