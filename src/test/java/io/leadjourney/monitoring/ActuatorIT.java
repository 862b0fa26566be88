package io.leadjourney.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus metrics and health: authenticated, except a bare liveness probe. */
class ActuatorIT extends IntegrationTest {

    @Autowired
    private RuntimeGauges gauges;

    @Test
    void aScrapeReturnsTheLeadJourneyMetrics() {
        long id = captureLead(Map.of("email", uniqueEmail("scraped"), "firstName", "Scr", "company", "Aped AG",
                "employees", 20, "wantsContact", true));
        runDueJobs(id);
        post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", "EMAIL_OPENED",
                "occurredAt", java.time.Instant.now().toString()));
        gauges.refresh();

        ResponseEntity<String> scrape = http.withBasicAuth("manager", "manager")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        String metrics = scrape.getBody();
        assertThat(metrics).containsPattern("leadjourney_leads\\{.*stage=\"MQL\".*} [1-9]")
                .containsPattern("leadjourney_stage_transitions_total\\{.*to=\"MQL\".*} [1-9]")
                .containsPattern("leadjourney_events_ingested_total\\{.*via=\"single\".*} [1-9]")
                .contains("leadjourney_acceptance_rate")
                .contains("leadjourney_incidents_open{type=\"slaBreach\"")
                .contains("leadjourney_jobs_executable")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void onlyMonitoringManagersAndAdminsReadMetricsAndHealthButLivenessIsOpen() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("rep-a", "rep-a").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("integration", "integration").getForEntity("/actuator/health", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<JsonNode> liveness = http.getForEntity("/actuator/health/liveness", JsonNode.class);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat(liveness.getBody().get("status").asText()).isEqualTo("UP");

        JsonNode health = http.withBasicAuth("admin", "admin").getForEntity("/actuator/health", JsonNode.class)
                .getBody();
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
        // Camunda adds "jobExecutor" to health where the job executor runs; the tests switch it off.
    }
}
