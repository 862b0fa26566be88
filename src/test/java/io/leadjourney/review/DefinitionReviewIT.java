package io.leadjourney.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static io.leadjourney.review.DefinitionReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly review of the qualified-lead definition: marketing and sales both sign a candidate, having read its
 * forecast over past leads, before it is deployed; the signed versions show on every score receipt. A candidate one
 * side rejects is not deployed.
 */
class DefinitionReviewIT extends IntegrationTest {

    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aCandidateBothSidesSignIsDeployedAndEveryReceiptShowsWhoSigned() throws IOException {
        int before = latestVersion("mql-qualification");
        long review = submit(candidate("Signed in review"));
        JsonNode opened = get("marketing", "/api/definition/reviews/" + review).getBody();
        assertThat(opened.path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.path("forecast").asText()).startsWith("Replaces [mql-qualification]. Over the ");

        decide(review, TASK_MARKETING_SIGNS, "marketing", Map.of(VAR_MARKETING_DECISION, "SIGN"));
        assertThat(latestVersion("mql-qualification")).as("one side is not enough").isEqualTo(before);
        decide(review, TASK_SALES_SIGNS, "manager", Map.of(VAR_SALES_DECISION, "SIGN"));

        JsonNode settled = get("marketing", "/api/definition/reviews/" + review).getBody();
        assertThat(settled.path("status").asText()).isEqualTo("SIGNED");
        assertThat(settled.path("outcome").asText()).startsWith("Deployed and signed by marketing (marketing) and"
                + " manager (sales): ").contains("mql-qualification:v" + (before + 1));
        assertThat(latestVersion("mql-qualification")).isEqualTo(before + 1);

        long lead = captureLead(Map.of("email", uniqueEmail("signed"), "firstName", "Sig", "company", "Ned Ltd",
                "employees", 30));
        JsonNode receipt = get(INTEGRATION, "/api/leads/" + lead + "/score").getBody();
        assertThat(receipt.path("totalScore").isNumber()).as("the card, as before").isTrue();
        JsonNode signature = findBy(receipt.path("signatures"), "table", "mql-qualification");
        assertThat(signature.path("version").asInt()).isEqualTo(before + 1);
        assertThat(signature.path("marketing").asText()).isEqualTo("marketing");
        assertThat(signature.path("sales").asText()).isEqualTo("manager");
        assertThat(signature.path("reviewId").asLong()).isEqualTo(review);
    }

    @Test
    void aCandidateOneSideRejectsIsNotDeployed() throws IOException {
        int before = latestVersion("mql-qualification");
        long review = submit(candidate("Rejected in review"));
        decide(review, TASK_MARKETING_SIGNS, "marketing", Map.of(VAR_MARKETING_DECISION, "SIGN"));
        decide(review, TASK_SALES_SIGNS, "manager", Map.of(VAR_SALES_DECISION, "REJECT", "salesNote",
                "Reps cannot take more leads this quarter"));

        JsonNode settled = get("manager", "/api/definition/reviews/" + review).getBody();
        assertThat(settled.path("status").asText()).isEqualTo("REJECTED");
        assertThat(settled.path("outcome").asText()).isEqualTo("Not signed: sales (manager) rejected it;"
                + " nothing deployed");
        assertThat(latestVersion("mql-qualification")).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from definition_signature where review_id = ?",
                Integer.class, review)).isZero();
    }

    @Test
    void eachQuarterBothSidesConfirmTheDefinitionInUse() {
        Job quarter = managementService.createJobQuery().processDefinitionKey(PROCESS_ID).timers().singleResult();
        assertThat(quarter).as("the quarter's timer").isNotNull();
        managementService.executeJob(quarter.getId());
        long review = jdbc.queryForObject("select max(id) from definition_review where opened_by = 'system'",
                Long.class);
        assertThat(get("manager", "/api/definition/reviews/" + review).getBody().path("forecast").asText())
                .startsWith("No candidate: both sides confirm the definition in use (lead-fit:v");
        decide(review, TASK_MARKETING_SIGNS, "marketing", Map.of(VAR_MARKETING_DECISION, "SIGN"));
        decide(review, TASK_SALES_SIGNS, "manager", Map.of(VAR_SALES_DECISION, "SIGN"));
        assertThat(get("manager", "/api/definition/reviews/" + review).getBody().path("outcome").asText())
                .startsWith("Confirmed and signed by marketing (marketing) and manager (sales): lead-fit:v");
        assertThat(jdbc.queryForObject("select count(*) from definition_signature where review_id = ?",
                Integer.class, review)).isEqualTo(5);
    }

    @Test
    void onlyTheDefinitionsTablesInADmnFileMayBeSubmittedAndOnlyByItsOwners() throws IOException {
        ResponseEntity<JsonNode> notDmn = upload("marketing", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notDmn.getStatusCode().value()).isEqualTo(400);
        assertThat(notDmn.getBody().get("errors").findValuesAsText("field")).containsExactly("file");
        ResponseEntity<JsonNode> routing = upload("marketing", "lead-routing.dmn", resource("/lead-routing.dmn")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(routing.getStatusCode().value()).isEqualTo(400);
        assertThat(routing.getBody().toString()).contains("it defines [lead-routing], none of the scoring tables");
        assertThat(upload("rep-a", "mql-qualification.dmn", candidate("rep")).getStatusCode().value())
                .isEqualTo(403);
    }

    private long submit(byte[] candidate) {
        ResponseEntity<JsonNode> answer = upload("marketing", "mql-qualification.dmn", candidate);
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(201);
        return answer.getBody().path("id").asLong();
    }

    /** The side's member claims the review's task in Tasklist and completes it with the decision. */
    private void decide(long review, String taskKey, String user, Map<String, Object> decision) {
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(review)).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of review %s", taskKey, review).isNotNull();
        asUser(user, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), decision);
        });
    }

    /** The shipped MQL definition with a rule's description changed: a new version, the same answers. */
    private static byte[] candidate(String note) throws IOException {
        String shipped = resource("/mql-qualification.dmn");
        String changed = shipped.replaceFirst("<description>", "<description>" + note + ": ");
        assertThat(changed).isNotEqualTo(shipped);
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    private int latestVersion(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult().getVersion();
    }

    private ResponseEntity<JsonNode> upload(String user, String name, byte[] content) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return postFile(user, "/api/definition/reviews?from=" + today.minusDays(30) + "&to=" + today.plusDays(1),
                name, content, Map.of());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DefinitionReviewIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
