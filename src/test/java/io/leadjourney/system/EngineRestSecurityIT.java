package io.leadjourney.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /engine-rest} requires authentication, and the engine's authorizations keep reps to their own tasks. */
class EngineRestSecurityIT extends IntegrationTest {

    @Test
    void engineRestRefusesAnonymousCalls() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/task?maxResults=10", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void repCannotSeeOrCompleteAnotherRepsTaskThroughEngineRest() {
        long id = captureLead(Map.of("email", uniqueEmail("engine-rest"), "firstName", "Eve", "company", "Ledger Ltd",
                "employees", 30, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        Task task = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
        assertThat(task.getAssignee()).isEqualTo("rep-b");

        JsonNode seenByRepA = http.withBasicAuth("rep-a", "rep-a")
                .getForEntity("/engine-rest/task?maxResults=500", JsonNode.class).getBody();
        assertThat(seenByRepA.findValuesAsText("id")).doesNotContain(task.getId());
        JsonNode seenByRepB = http.withBasicAuth("rep-b", "rep-b")
                .getForEntity("/engine-rest/task?maxResults=500", JsonNode.class).getBody();
        assertThat(seenByRepB.findValuesAsText("id")).contains(task.getId());

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> completion = http.withBasicAuth("rep-a", "rep-a").exchange(
                "/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"}}}", headers),
                String.class);
        assertThat(completion.getStatusCode().value()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
}
