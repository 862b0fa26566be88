package io.leadjourney.security;

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

/**
 * {@code /engine-rest} requires authentication, and the engine's authorizations keep reps to their own tasks:
 * another rep's task cannot be read, claimed or completed, integrations complete no tasks, and only admins
 * deploy.
 */
class EngineRestSecurityIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.RepositoryService repositoryService;

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
        assertThat(seenByRepB.findValuesAsText("id")).as("rep-b's tasks: %s", seenByRepB).contains(task.getId());

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> completion = http.withBasicAuth("rep-a", "rep-a").exchange(
                "/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"}}}", headers),
                String.class);
        assertThat(completion.getStatusCode().value()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        assertThat(engineRest("rep-a", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null))
                .as("rep-a reads rep-b's task variables").isIn(403, 404);
        assertThat(engineRest("rep-a", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"rep-a\"}")).as("rep-a claims rep-b's task").isEqualTo(403);
        assertThat(engineRest(INTEGRATION, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{}}")).as("integration completes a task").isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo("rep-b");
        assertThat(engineRest("rep-b", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null))
                .as("rep-b reads their own task").isEqualTo(200);
    }

    @Test
    void onlyAdminsDeployProcessesAndTables() {
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/"
                + "20100524/MODEL\" targetNamespace=\"x\"><process id=\"sneaky\" isExecutable=\"true\">"
                + "<startEvent id=\"s\"/></process></definitions>";
        for (String user : new String[]{"rep-a", "manager", INTEGRATION, "marketing"}) {
            assertThat(deploy(user, bpmn)).as("%s deploys", user).isEqualTo(403);
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("sneaky").count())
                .isZero();
    }

    private int deploy(String user, String bpmn) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util
                .LinkedMultiValueMap<>();
        form.add("deployment-name", "sneaky");
        form.add("sneaky.bpmn", new org.springframework.core.io.ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "sneaky.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class).getStatusCode().value();
    }

    private int engineRest(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, json == null ? new HttpEntity<>(headers)
                : new HttpEntity<>(json, headers), String.class).getStatusCode().value();
    }
}
