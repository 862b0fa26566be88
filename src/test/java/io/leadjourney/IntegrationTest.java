package io.leadjourney;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.journey.NotificationEmail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a real database (H2 in memory, or PostgreSQL with {@code -Ppostgres}), served on a
 * random port. The job executor is off: tests run async steps and timers through the helpers here.
 * <p>
 * A test class with its own context (other properties or profiles) starts a second engine named "default".
 * Camunda keeps engines in a static registry, so from then on engine-rest in every context of the JVM serves the
 * engine registered last. Such a context must therefore use the same database as the others: add profiles to
 * the suite's ({@code spring.profiles.active}) rather than replace them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // metrics are exported in the tests too: /actuator/prometheus
public abstract class IntegrationTest {

    /** Notifications are e-mailed to a real SMTP server in this JVM ({@link TestMailServer}). */
    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", TestMailServer::port);
    }

    /** Hand-off webhooks go to a real HTTP server in this JVM ({@link TestWebhookServer}). */
    @DynamicPropertySource
    static void webhookServer(DynamicPropertyRegistry properties) {
        properties.add("leadjourney.webhooks.targets[0].name", () -> TestWebhookServer.TARGET);
        properties.add("leadjourney.webhooks.targets[0].url", TestWebhookServer::url);
        properties.add("leadjourney.webhooks.targets[0].secret", () -> TestWebhookServer.SECRET);
    }

    protected static final String INTEGRATION = "integration";

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    private JdbcTemplate database;
    private long notificationsBefore;

    /** An e-mail no other test (or earlier run on the same database) has used. */
    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@it.example";
    }

    protected ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    protected ResponseEntity<JsonNode> put(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    protected ResponseEntity<JsonNode> postRaw(String user, String path, String rawJson) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(rawJson, headers),
                JsonNode.class);
    }

    /** Posts a file as a multipart form ({@code file}, named {@code fileName}) with the given text fields. */
    protected ResponseEntity<JsonNode> postFile(String user, String path, String fileName, byte[] content,
                                                Map<String, String> fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
                JsonNode.class);
    }

    protected ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    }

    /** Posts a lead as the integration user and answers its id. */
    protected long captureLead(Map<String, Object> lead) {
        ResponseEntity<JsonNode> response = post(INTEGRATION, "/api/leads", lead);
        assertThat(response.getStatusCode().value()).as("intake answer %s", response.getBody()).isEqualTo(201);
        return response.getBody().get("id").asLong();
    }

    protected JsonNode lead(long leadId) {
        return get(INTEGRATION, "/api/leads/" + leadId).getBody();
    }

    protected String stageOf(long leadId) {
        return lead(leadId).get("stage").asText();
    }

    protected ProcessInstance journeyOf(long leadId) {
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(leadId)).list();
        assertThat(running).as("running journeys of lead %s", leadId).hasSize(1);
        return running.get(0);
    }

    /** The last notification stored before this test began: the e-mails of earlier tests are not this test's. */
    @BeforeEach
    void markTheNotificationsOfEarlierTests() {
        notificationsBefore = database.queryForObject("select coalesce(max(id), 0) from notification", Long.class);
    }

    /**
     * Runs the "E-mail a notification" jobs of this test's notifications that are due now, as the job executor would
     * (it is off in tests), and answers the failures: a failed job waits for its next retry, so each runs at most
     * once here. Earlier tests' e-mails are left waiting (routing a thousand leads leaves a thousand).
     */
    protected List<RuntimeException> emailNotifications() {
        List<Job> due = managementService.createJobQuery().processDefinitionKey(NotificationEmail.PROCESS_ID)
                .executable().list();
        if (due.isEmpty()) {
            return List.of();
        }
        Set<String> ofThisTest = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(due.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet())).list()
                .stream().filter(email -> Long.parseLong(email.getBusinessKey()
                        .substring(NotificationEmail.BUSINESS_KEY_PREFIX.length())) > notificationsBefore)
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        List<RuntimeException> failures = new ArrayList<>();
        for (Job job : due) {
            if (!ofThisTest.contains(job.getProcessInstanceId())) {
                continue;
            }
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /** Runs every job of the lead's journeys that is due now (async steps), until none is left. */
    protected void runDueJobs(long leadId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = new ArrayList<>();
            for (ProcessInstance journey : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(leadId)).list()) {
                due.addAll(managementService.createJobQuery().processInstanceId(journey.getId()).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs of lead " + leadId + " keep coming: a loop?");
    }

    /** Fires a timer as if its time had come, then runs what it started. */
    protected void fireTimer(long leadId, String timerActivityId) {
        Job timer = managementService.createJobQuery().processInstanceId(journeyOf(leadId).getId())
                .activityId(timerActivityId).timers().singleResult();
        assertThat(timer).as("timer %s of lead %s", timerActivityId, leadId).isNotNull();
        managementService.executeJob(timer.getId());
        runDueJobs(leadId);
    }

    protected Task taskOf(long leadId, String taskDefinitionKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(leadId))
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("task %s of lead %s", taskDefinitionKey, leadId).isNotNull();
        return task;
    }

    /** Completes a task as the given user would in Tasklist, with the engine's authorizations applied. */
    protected void completeAs(String user, Task task, Map<String, Object> variables) {
        asUser(user, () -> taskService.complete(task.getId(), variables));
        runDueJobs(Long.parseLong(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()));
    }

    protected void asUser(String user, Runnable work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Takes a qualified lead through its journey to sales: accepted by its rep, reached on the first call, ready
     * after the discovery call. Returns the rep.
     */
    protected String handToSales(long leadId) {
        runDueJobs(leadId);
        Task accept = taskOf(leadId, LeadJourney.TASK_ACCEPT_LEAD);
        String rep = accept.getAssignee();
        completeAs(rep, accept, accept());
        completeAs(rep, taskOf(leadId, LeadJourney.TASK_FIRST_CONTACT), Map.of(LeadJourney.VAR_CONTACT_CHANNEL,
                "CALL", LeadJourney.VAR_LEAD_REACHED, true, LeadJourney.VAR_CONTACT_NOTE, "Call booked"));
        completeAs(rep, taskOf(leadId, LeadJourney.TASK_DISCOVERY_CALL), Map.of(LeadJourney.VAR_BANT_NEED, true,
                LeadJourney.VAR_BANT_BUDGET, true, LeadJourney.VAR_BANT_AUTHORITY, true,
                LeadJourney.VAR_BANT_TIMELINE, "WITHIN_3_MONTHS", LeadJourney.VAR_DISCOVERY_OUTCOME,
                LeadJourney.OUTCOME_READY));
        assertThat(stageOf(leadId)).isEqualTo("SQL");
        return rep;
    }

    /** The element of a JSON array whose {@code field} is {@code value}. */
    protected static JsonNode findBy(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("No " + field + "=" + value + " in " + array);
    }

    protected static Map<String, Object> accept() {
        return Map.of(LeadJourney.VAR_ACCEPT_DECISION, LeadJourney.DECISION_ACCEPT);
    }

    /** Takes the group's active reps out of routing, so a test's own reps are the group's only ones. */
    protected void deactivateRepsOf(String group) {
        for (JsonNode rep : get("manager", "/api/reps").getBody()) {
            List<String> groups = json.convertValue(rep.get("groups"), List.class);
            if (groups.contains(group) && rep.get("active").asBoolean()) {
                Map<String, Object> form = new HashMap<>();
                form.put("displayName", rep.get("displayName").asText());
                form.put("groups", groups);
                form.put("active", false);
                assertThat(put("manager", "/api/reps/" + rep.get("userId").asText(), form).getStatusCode()
                        .value()).isEqualTo(200);
            }
        }
    }

    /** A new rep of the group, as a manager creates one (password: the id and "-secret"); answers the id. */
    protected String newRep(String id, String group, Integer maxOpenLeads) {
        Map<String, Object> form = new HashMap<>();
        form.put("displayName", "Rep " + id);
        form.put("email", id + "@leadjourney.example");
        form.put("groups", List.of(group));
        form.put("maxOpenLeads", maxOpenLeads);
        form.put("password", id + "-secret");
        ResponseEntity<JsonNode> saved = put("manager", "/api/reps/" + id, form);
        assertThat(saved.getStatusCode().value()).as("answer %s", saved.getBody()).isEqualTo(200);
        return id;
    }
}
