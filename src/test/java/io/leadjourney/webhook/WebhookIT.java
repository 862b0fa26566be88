package io.leadjourney.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.TestWebhookServer;
import io.leadjourney.journey.HandOffWebhook;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outbound hand-off events against a real HTTP server ({@link TestWebhookServer}): signed, sent once per event
 * and target, kept in the outbox until delivered, retried, and an incident in Cockpit when the retries are used
 * up, which a retry there (as an operator would) delivers.
 */
class WebhookIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private io.leadjourney.opportunity.HandOffService handOffs;

    @AfterEach
    void crmUpAgain() {
        TestWebhookServer.answerWith(200);
    }

    @Test
    void anSqlIsPostedOnceSignedWithTheTargetsSecret() throws Exception {
        long leadId = captureLead(Map.of("email", uniqueEmail("webhook-sql"), "firstName", "Ada", "company",
                "Engines Ltd", "employees", 120, "role", "CTO", "wantsContact", true));
        handToSales(leadId);

        // Written with the hand-off, sent by its own job: nothing has gone out before the job runs.
        assertThat(TestWebhookServer.receivedFor(leadId)).isEmpty();
        assertThat(outbox(leadId)).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("event_type")).isEqualTo("LEAD_SQL");
        });
        runDeliveryJobs(leadId);

        List<TestWebhookServer.Received> received = TestWebhookServer.receivedFor(leadId);
        assertThat(received).hasSize(1);
        TestWebhookServer.Received request = received.get(0);
        assertThat(request.header("X-LeadJourney-Event")).isEqualTo("lead.sql");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertSignedWithTheSecret(request);
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("event").asText()).isEqualTo("lead.sql");
        assertThat(body.path("lead").path("id").asLong()).isEqualTo(leadId);
        assertThat(body.path("lead").path("company").asText()).isEqualTo("Engines Ltd");
        assertThat(body.path("opportunity").path("temperature").asText()).isNotBlank();
        assertThat(body.path("deliveryId").asText()).isEqualTo(request.header("X-LeadJourney-Delivery"));
        assertThat(outbox(leadId)).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("DELIVERED");
            assertThat(row.get("attempts")).isEqualTo(1);
        });

        // The hand-off again (a retried step): no second event is queued or sent.
        handOffs.handOff(leadId, "HOT", "test");
        assertThat(outbox(leadId)).hasSize(1);
        assertThat(deliveryJobs(leadId)).isEmpty();
        assertThat(TestWebhookServer.receivedFor(leadId)).hasSize(1);
    }

    @Test
    void wonAndLostFromSalesArePostedToo() throws Exception {
        long won = soldLead("webhook-won");
        assertThat(post(INTEGRATION, "/api/leads/" + won + "/outcome", Map.of("outcome", "WON", "value", 48000,
                "currency", "EUR", "closedOn", java.time.LocalDate.now().toString())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long lost = soldLead("webhook-lost");
        assertThat(post(INTEGRATION, "/api/leads/" + lost + "/outcome", Map.of("outcome", "LOST", "closedOn",
                java.time.LocalDate.now().toString(), "lostReason", "COMPETITOR")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        // A replayed report is not a second event.
        assertThat(post(INTEGRATION, "/api/leads/" + lost + "/outcome", Map.of("outcome", "LOST", "closedOn",
                java.time.LocalDate.now().toString(), "lostReason", "COMPETITOR")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        runDeliveryJobs(won);
        runDeliveryJobs(lost);

        assertThat(TestWebhookServer.receivedFor(won)).extracting(r -> r.header("X-LeadJourney-Event"))
                .containsExactly("lead.sql", "deal.won");
        assertThat(TestWebhookServer.receivedFor(lost)).extracting(r -> r.header("X-LeadJourney-Event"))
                .containsExactly("lead.sql", "deal.lost");
        JsonNode wonBody = json.readTree(TestWebhookServer.receivedFor(won).get(1).body());
        assertThat(wonBody.path("opportunity").path("outcome").asText()).isEqualTo("WON");
        assertThat(wonBody.path("opportunity").path("value").decimalValue()).isEqualByComparingTo("48000");
        TestWebhookServer.receivedFor(lost).forEach(this::assertSignedWithTheSecret);
    }

    @Test
    void aFailingTargetIsRetriedThenAnIncidentThatARetryInCockpitDelivers() throws Exception {
        long leadId = captureLead(Map.of("email", uniqueEmail("webhook-down"), "firstName", "Grace", "company",
                "Compiler Corp", "employees", 300, "role", "CTO", "wantsContact", true));
        TestWebhookServer.answerWith(503);
        handToSales(leadId);

        Job job = deliveryJobs(leadId).get(0);
        int attempts = 0;
        while (job != null && job.getRetries() > 0) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId))
                    .hasMessageContaining("answered 503");
            attempts++;
            job = managementService.createJobQuery().jobId(jobId).singleResult();
            if (job != null && job.getRetries() > 0) {
                assertThat(job.getDuedate()).as("the next attempt waits (backoff)").isAfter(
                        java.util.Date.from(Instant.now()));
            }
        }
        assertThat(attempts).as("attempts before giving up").isGreaterThanOrEqualTo(5);
        assertThat(TestWebhookServer.receivedFor(leadId)).hasSize(attempts);
        Map<String, Object> row = outbox(leadId).get(0);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(attempts);
        assertThat(row.get("last_status")).isEqualTo(503);
        assertThat((String) row.get("last_error")).contains("the CRM is down");

        // Cockpit shows it: a failed-job incident on "Deliver hand-off event", saying what went wrong.
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(HandOffWebhook.TASK_DELIVER);
        assertThat(incident.getIncidentMessage()).contains("lead.sql").contains(TestWebhookServer.TARGET)
                .contains("503");

        // The CRM is back; the operator presses "Retry" in Cockpit (the job gets a retry) and it is delivered.
        TestWebhookServer.answerWith(200);
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(outbox(leadId).get(0).get("status")).isEqualTo("DELIVERED");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
                .isZero();
        assertThat(TestWebhookServer.receivedFor(leadId)).hasSize(attempts + 1);
        assertThat(TestWebhookServer.receivedFor(leadId)).extracting(r -> r.header("X-LeadJourney-Delivery"))
                .as("every attempt carries the same delivery id, for the receiver to recognise a repeat")
                .containsOnly((String) outbox(leadId).get(0).get("delivery_id"));
    }

    @Test
    void erasingTheLeadErasesItsPayloads() {
        long leadId = captureLead(Map.of("email", uniqueEmail("webhook-erase"), "firstName", "Erin", "company",
                "Forget Me Ltd", "employees", 80, "role", "CTO", "wantsContact", true));
        handToSales(leadId);
        assertThat((String) outbox(leadId).get(0).get("payload")).contains("Forget Me Ltd");
        assertThat(http.withBasicAuth("marketing", "marketing").exchange("/api/leads/" + leadId,
                org.springframework.http.HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat((String) outbox(leadId).get(0).get("payload")).doesNotContain("Forget Me Ltd")
                .doesNotContain("@");
    }

    private long soldLead(String who) {
        long leadId = captureLead(Map.of("email", uniqueEmail(who), "firstName", "Sam", "company", "Deal Co",
                "employees", 200, "role", "CTO", "wantsContact", true));
        handToSales(leadId);
        return leadId;
    }

    private void assertSignedWithTheSecret(TestWebhookServer.Received request) {
        String signature = request.header("X-LeadJourney-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(600L));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestWebhookServer.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(signature).endsWith(",v1=" + expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> outbox(long leadId) {
        return jdbc.queryForList("select * from webhook_delivery where lead_id = ? order by id", leadId)
                .stream().map(row -> {
                    Map<String, Object> lower = new java.util.HashMap<>();
                    row.forEach((key, value) -> lower.put(key.toLowerCase(), value));
                    return lower;
                }).toList();
    }

    private List<Job> deliveryJobs(long leadId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(HandOffWebhook.PROCESS_ID)
                .variableValueEquals(io.leadjourney.journey.LeadJourney.VAR_LEAD_ID, leadId).list().stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
                        .list().stream()).toList();
    }

    private void runDeliveryJobs(long leadId) {
        deliveryJobs(leadId).forEach(job -> managementService.executeJob(job.getId()));
    }
}
