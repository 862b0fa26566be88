package io.leadjourney.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may change what a higher role owns, role by role: the reps API with every kind of group, a task's variables
 * written outside its completion, completions that carry more than the form's fields or a wrong value (through
 * engine-rest and through Tasklist's own API), and deployments whose models would run code.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    private static final List<String> ROLES = List.of("admin", "manager", "rep-a", "marketing", INTEGRATION);
    private static final String DEPLOYERS = "deployers";
    private static final String COCKPIT_WATCHERS = "cockpit-watchers";

    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    @BeforeEach
    void groupsWithRightsBeyondARep() {
        groupGranted(DEPLOYERS, Resources.DEPLOYMENT, Permissions.CREATE);
        groupGranted(COCKPIT_WATCHERS, Resources.APPLICATION, Permissions.ACCESS);
    }

    // The lead portal

    /** Who opens each portal page, and that a rep's session cannot post the managers' reps form. */
    @Test
    void thePortalsPagesByRoleAndTheRepsFormForManagersOnly() {
        Map<String, List<String>> openedBy = new LinkedHashMap<>();
        openedBy.put("/portal/leads", List.of("admin", "manager", "rep-a", "marketing"));
        openedBy.put("/portal/my-leads", List.of("admin", "manager", "rep-a", "marketing"));
        openedBy.put("/portal/rejections", List.of("admin", "manager", "marketing"));
        openedBy.put("/portal/team", List.of("admin", "manager"));
        openedBy.put("/portal/reps", List.of("admin", "manager"));
        openedBy.forEach((path, allowed) -> {
            for (String role : ROLES) {
                int status = http.withBasicAuth(role, role).getForEntity(path, String.class).getStatusCode().value();
                assertThat(status).as("%s opens %s", role, path).isEqualTo(allowed.contains(role) ? 200 : 403);
            }
        });

        ResponseEntity<String> page = http.withBasicAuth("rep-a", "rep-a").getForEntity("/portal/leads", String.class);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        for (String path : List.of("/portal/reps/rep-a", "/portal/reps/rep-a/absences")) {
            ResponseEntity<String> posted = http.withBasicAuth("rep-a", "rep-a").exchange(path, HttpMethod.POST,
                    new HttpEntity<>("groups=reps-small&groups=reps-large&maxOpenLeads=1&active=true&firstDay=2030-01-01"
                            + "&lastDay=2030-01-02&_csrf=" + token.group(1), headers), String.class);
            assertThat(posted.getStatusCode().value()).as("rep-a posts %s", path).isEqualTo(403);
        }
        assertThat(groupsOf("rep-a")).doesNotContain("reps-large");
    }

    /** Marketing, who has no webapp, logs in on the portal's own page, reads the portal, and logs out. */
    @Test
    void marketingLogsInOnThePortalsOwnPage() throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/portal/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = "JSESSIONID=" + WebappHardeningIT.cookieValue(login, "JSESSIONID");
        // A wrong password makes Camunda hold the user's next login back a few seconds: another user is refused.
        String token = portalToken(login.body());
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/portal/login"))
                .header("Cookie", session).header("Content-Type", WebappHardeningIT.FORM)
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=nope&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/portal/login?error");

        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri("/portal/login"))
                .header("Cookie", session).header("Content-Type", WebappHardeningIT.FORM)
                .POST(HttpRequest.BodyPublishers.ofString("username=marketing&password=marketing&_csrf=" + token))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.headers().firstValue("Location").orElse("")).as("%s", accepted.headers().map())
                .endsWith("/portal/leads");
        String loggedIn = "JSESSIONID=" + WebappHardeningIT.cookieValue(accepted, "JSESSIONID");
        assertThat(loggedIn).as("a new session after the login").isNotEqualTo(session);
        HttpResponse<String> leads = client.send(HttpRequest.newBuilder(uri("/portal/leads"))
                .header("Cookie", loggedIn).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(leads.statusCode()).isEqualTo(200);
        assertThat(leads.body()).contains("<h1>Leads</h1>");

        HttpResponse<String> out = client.send(HttpRequest.newBuilder(uri("/portal/logout"))
                .header("Cookie", loggedIn).header("Content-Type", WebappHardeningIT.FORM).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + portalToken(leads.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.headers().firstValue("Location").orElse("")).as("%s %s", out.statusCode(), out.body())
                .endsWith("/portal/login?logout=1");
        HttpResponse<String> loggedOut = client.send(HttpRequest.newBuilder(uri("/portal/login?logout=1"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedOut.body()).as("the login page with any query").contains("You are logged out.");
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(uri("/portal/leads"))
                .header("Cookie", loggedIn).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.headers().firstValue("Location").orElse("")).as("logged out, a browser is sent to log in")
                .endsWith("/portal/login");
    }

    private static String portalToken(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).as("the page's form carries a CSRF token").isTrue();
        return token.group(1);
    }

    /** Logged in to the webapps, a manager posts the portal's forms with the portal's token, and only with it. */
    @Test
    void aWebappSessionPostsThePortalsFormsOnlyWithTheirToken() throws Exception {
        String session = "JSESSIONID=" + tasklistSession("manager");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/portal/leads")).header("Cookie", session)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).isTrue();
        String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        for (String form : List.of("name=" + name + "&query=stage%3DSQL", "name=" + name + "&query=stage%3DSQL&_csrf="
                + token.group(1))) {
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri("/portal/saved-searches"))
                    .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(form).isEqualTo(form.contains("_csrf") ? 302 : 403);
        }
        assertThat(jdbc.update("delete from saved_search where user_id = 'manager' and name = ?", name)).isOne();
    }

    // The reps API

    @Test
    void onlySalesBandsCanBeSetThroughTheRepsApiByAnyRole() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> privileged = List.of(Groups.ADMINS, Groups.MANAGERS, Groups.MARKETING, Groups.INTEGRATION,
                Groups.MONITORING, DEPLOYERS, COCKPIT_WATCHERS);
        for (String role : ROLES) {
            boolean repAdmin = role.equals("admin") || role.equals("manager");
            String rep = "matrix-" + role + "-" + run;
            for (String group : privileged) {
                ResponseEntity<JsonNode> answer = put(role, "/api/reps/" + rep, repForm(group, "Secret-pass-1"));
                assertThat(answer.getStatusCode().value()).as("%s puts a rep in %s: %s", role, group, answer.getBody())
                        .isEqualTo(403);
                if (repAdmin) {
                    assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("groups");
                }
                assertThat(groupsOf(rep)).as("%s's groups after %s tried %s", rep, role, group)
                        .doesNotContain(group);
            }
            for (String band : List.of(Groups.SALES_REPS, "reps-matrix-" + run)) {
                ResponseEntity<JsonNode> answer = put(role, "/api/reps/" + rep, repForm(band, "Secret-pass-1"));
                assertThat(answer.getStatusCode().value()).as("%s puts a rep in band %s: %s", role, band,
                        answer.getBody()).isEqualTo(repAdmin ? 200 : 403);
                assertThat(groupsOf(rep).contains(band)).as("%s in %s after %s", rep, band, role).isEqualTo(repAdmin);
            }
        }
    }

    @Test
    void aManagerCannotMakeThemselfAdminNorChangeAUserWithRightsBeyondARep() {
        ResponseEntity<JsonNode> escalation = put("manager", "/api/reps/manager", repForm(Groups.ADMINS, null));
        assertThat(escalation.getStatusCode().value()).isEqualTo(403);
        assertThat(escalation.getBody().get("detail").asText()).contains(Groups.ADMINS);
        assertThat(groupsOf("manager")).containsExactly(Groups.MANAGERS);

        String band = "reps-matrix-" + UUID.randomUUID().toString().substring(0, 8);
        for (String target : List.of("manager", "admin", "marketing", INTEGRATION)) {
            ResponseEntity<JsonNode> answer = put("manager", "/api/reps/" + target, repForm(band, null));
            assertThat(answer.getStatusCode().value()).as("manager changes %s: %s", target, answer.getBody())
                    .isEqualTo(403);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("id");
            assertThat(groupsOf(target)).as("%s's groups", target).doesNotContain(band);
            assertThat(identityService.createUserQuery().userId(target).singleResult().getEmail())
                    .as("%s's e-mail", target).isNotEqualTo("changed@it.example");
        }
        ResponseEntity<JsonNode> byAdmin = put("admin", "/api/reps/marketing", repForm(band, null));
        assertThat(byAdmin.getStatusCode().value()).as("an admin changes a marketer who also takes leads: %s",
                byAdmin.getBody()).isEqualTo(200);
        assertThat(groupsOf("marketing")).contains(Groups.MARKETING, band);
    }

    // A task's variables

    @Test
    void nobodyWritesATasksVariablesOutsideItsCompletion() {
        long own = routedLead("own", 30);
        long other = routedLead("other", 5);
        Task task = taskOf(own, LeadJourney.TASK_ACCEPT_LEAD);
        Task othersTask = taskOf(other, LeadJourney.TASK_ACCEPT_LEAD);
        assertThat(task.getAssignee()).isEqualTo("rep-b");
        String leadIdWrite = "{\"value\":" + other + ",\"type\":\"Long\"}";
        for (String user : List.of("rep-b", "rep-a", "manager", "marketing", INTEGRATION)) {
            for (Task target : List.of(task, othersTask)) {
                String base = "/engine-rest/task/" + target.getId();
                assertThat(engineRest(user, HttpMethod.PUT, base + "/variables/leadId", leadIdWrite).getStatusCode()
                        .value()).as("%s writes leadId of %s's task", user, target.getAssignee()).isIn(403, 404);
                assertThat(engineRest(user, HttpMethod.PUT, base + "/localVariables/assignedRep",
                        "{\"value\":\"rep-a\"}").getStatusCode().value())
                        .as("%s writes a local variable of %s's task", user, target.getAssignee()).isIn(403, 404);
                assertThat(engineRest(user, HttpMethod.POST, base + "/variables",
                        "{\"modifications\":{\"assignedRep\":{\"value\":\"rep-a\"}}}").getStatusCode().value())
                        .as("%s modifies variables of %s's task", user, target.getAssignee()).isIn(403, 404);
                assertThat(engineRest(user, HttpMethod.DELETE, base + "/variables/assignedGroup", null)
                        .getStatusCode().value()).as("%s removes a variable of %s's task", user,
                                target.getAssignee()).isIn(403, 404);
            }
        }
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), LeadJourney.VAR_LEAD_ID))
                .isEqualTo(own);
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), LeadJourney.VAR_ASSIGNED_REP))
                .isEqualTo("rep-b");
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), LeadJourney.VAR_ASSIGNED_GROUP))
                .isNotNull();
    }

    @Test
    void aCompletionCarriesOnlyTheFormsFieldsThroughEngineRestAndTasklist() throws Exception {
        long own = routedLead("extra", 30);
        long other = routedLead("victim", 5);
        Task task = taskOf(own, LeadJourney.TASK_ACCEPT_LEAD);
        String session = tasklistSession("rep-b");
        for (String extra : List.of(LeadJourney.VAR_LEAD_ID, LeadJourney.VAR_ASSIGNED_REP,
                LeadJourney.VAR_ASSIGNED_GROUP, LeadJourney.VAR_SCORE, LeadJourney.VAR_DISCOVERY_OUTCOME,
                LeadJourney.VAR_REASSIGN_TO, "anythingElse")) {
            String body = "{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"},\"" + extra
                    + "\":{\"value\":" + (extra.equals(LeadJourney.VAR_LEAD_ID) || extra.equals(LeadJourney.VAR_SCORE)
                    ? other : "\"rep-a\"") + "}}}";
            for (String action : List.of("complete", "submit-form")) {
                ResponseEntity<JsonNode> answer = engineRest("rep-b", HttpMethod.POST,
                        "/engine-rest/task/" + task.getId() + "/" + action, body);
                assertProblemNaming(answer.getStatusCode().value(), answer.getBody(), extra);
                HttpResponse<String> viaTasklist = tasklist(session, "/task/" + task.getId() + "/" + action, body);
                assertProblemNaming(viaTasklist.statusCode(), json.readTree(viaTasklist.body()), extra);
            }
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open")
                .isEqualTo(1);
        assertThat(stageOf(own)).isEqualTo("MQL");
        assertThat(stageOf(other)).isEqualTo("MQL");

        HttpResponse<String> accepted = tasklist(session, "/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\",\"type\":\"String\"},"
                        + "\"rejectNote\":{\"value\":\"\",\"type\":\"String\"}}}");
        assertThat(accepted.statusCode()).as("the form's own fields: %s", accepted.body()).isEqualTo(204);
        runDueJobs(own);
        assertThat(stageOf(own)).isEqualTo("SAL");
        assertThat(stageOf(other)).isEqualTo("MQL");
    }

    @Test
    void aWrongValueInATaskIsA400NamingTheFieldNeverA500() throws Exception {
        long id = routedLead("wrong-value", 30);
        Task task = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
        String session = tasklistSession("rep-b");
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("{\"variables\":{\"acceptDecision\":{\"value\":\"MAYBE\"}}}", "acceptDecision");
        wrong.put("{\"variables\":{\"acceptDecision\":{\"value\":42}}}", "acceptDecision");
        wrong.put("{\"variables\":{}}", "acceptDecision");
        wrong.put("{\"variables\":{\"acceptDecision\":{\"value\":\"REJECT\"}}}", "rejectReason");
        wrong.put("{\"variables\":{\"acceptDecision\":{\"value\":\"REJECT\"},\"rejectReason\":{\"value\":\"BORED\"}}}",
                "rejectReason");
        wrong.put("{\"variables\":[1,2]}", "variables");
        for (Map.Entry<String, String> input : wrong.entrySet()) {
            ResponseEntity<JsonNode> answer = engineRest("rep-b", HttpMethod.POST,
                    "/engine-rest/task/" + task.getId() + "/complete", input.getKey());
            assertProblemNaming(answer.getStatusCode().value(), answer.getBody(), input.getValue());
            HttpResponse<String> viaTasklist = tasklist(session, "/task/" + task.getId() + "/submit-form",
                    input.getKey());
            assertProblemNaming(viaTasklist.statusCode(), json.readTree(viaTasklist.body()), input.getValue());
        }
        HttpHeaders anonymous = new HttpHeaders();
        anonymous.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"}}}", anonymous),
                String.class).getStatusCode().value()).as("a valid completion without a login").isEqualTo(401);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        // The engine's own check, for a caller of the Java API: still the field's name, as a BadUserRequest.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> asUser("rep-b", () -> taskService.complete(
                task.getId(), Map.of(LeadJourney.VAR_ACCEPT_DECISION, "MAYBE")))))
                .hasMessageContaining("acceptDecision");

        // Reassigning to someone who is no active rep, by a manager.
        fireTimer(id, LeadJourney.TIMER_ACCEPT_ESCALATION);
        Task reassign = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey(LeadJourney.TASK_REASSIGN_LEAD).singleResult();
        if (reassign != null) {
            ResponseEntity<JsonNode> answer = engineRest("manager", HttpMethod.POST, "/engine-rest/task/"
                    + reassign.getId() + "/complete", "{\"variables\":{\"reassignTo\":{\"value\":\"admin\"}}}");
            assertProblemNaming(answer.getStatusCode().value(), answer.getBody(), LeadJourney.VAR_REASSIGN_TO);
        }
    }

    @Test
    void theJourneyFollowsItsBusinessKeyNotAVariableSomeoneRewrote() {
        long own = routedLead("business-key", 5);
        long other = routedLead("bystander", 30);
        Task task = taskOf(own, LeadJourney.TASK_ACCEPT_LEAD);
        assertThat(task.getAssignee()).isEqualTo("rep-a");
        // However a variable got rewritten (an old grant, an admin's slip), the lead is the journey's business key.
        runtimeService.setVariable(task.getProcessInstanceId(), LeadJourney.VAR_LEAD_ID, other);
        runtimeService.setVariable(task.getProcessInstanceId(), LeadJourney.VAR_ASSIGNED_REP, "rep-c");

        ResponseEntity<JsonNode> answer = engineRest("rep-a", HttpMethod.POST, "/engine-rest/task/" + task.getId()
                + "/complete", "{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"}}}");
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(204);
        runDueJobs(own);
        assertThat(stageOf(own)).isEqualTo("SAL");
        assertThat(stageOf(other)).isEqualTo("MQL");
        assertThat(lead(other).get("assignedRep").asText()).isEqualTo("rep-b");
    }

    // Deployments

    @Test
    void aDeploymentWhoseModelsCouldRunCodeIsRefusedEvenForAnAdmin() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("script-task.bpmn", process("<scriptTask id=\"Run\" scriptFormat=\"javascript\">"
                + "<script>java.lang.Runtime.getRuntime().exec('touch /tmp/owned')</script></scriptTask>"));
        refused.put("script-listener.bpmn", process("<serviceTask id=\"Run\" camunda:expression=\"${true}\">"
                + "<extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat="
                + "\"groovy\">'touch /tmp/owned'.execute()</camunda:script></camunda:executionListener>"
                + "</extensionElements></serviceTask>"));
        refused.put("expression.bpmn", process("<serviceTask id=\"Run\" camunda:expression=\"${execution"
                + ".getProcessEngineServices().getRuntimeService()}\"/>"));
        refused.put("class-call.bpmn", process("<serviceTask id=\"Run\" camunda:expression=\"${''.getClass()"
                + ".forName('java.lang.Runtime')}\"/>"));
        refused.put("bean-call.bpmn", process("<serviceTask id=\"Run\" camunda:expression=\"${leadRepository"
                + ".deleteAll()}\"/>"));
        refused.put("foreign-class.bpmn", process("<serviceTask id=\"Run\" camunda:class=\"org.example.Evil\"/>"));
        refused.put("embedded.html", "<form><script>fetch('/engine-rest/user')</script></form>");
        refused.put("juel.dmn", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"https://www.omg.org/"
                + "spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\"><decision id=\"sneaky-table\" "
                + "name=\"s\"><literalExpression expressionLanguage=\"juel\"><text>${leadRepository.deleteAll()}"
                + "</text></literalExpression></decision></definitions>");
        for (Map.Entry<String, String> model : refused.entrySet()) {
            ResponseEntity<JsonNode> answer = deploy("admin", model.getKey(), model.getValue());
            assertThat(answer.getStatusCode().value()).as("%s: %s", model.getKey(), answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody().get("message").asText()).as(model.getKey()).contains("refused")
                    .contains(model.getKey());
        }
        assertThat(repositoryService.createDeploymentQuery().deploymentName("matrix").count()).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("sneaky").count()).isZero();

        ResponseEntity<JsonNode> harmless = deploy("admin", "harmless.bpmn", process("<serviceTask id=\"Run\" "
                + "camunda:expression=\"${execution.setVariable('seen', score &gt; 10 &amp;&amp; !isMql)}\"/>"));
        assertThat(harmless.getStatusCode().value()).as("%s", harmless.getBody()).isEqualTo(200);
        repositoryService.deleteDeployment(harmless.getBody().get("id").asText(), true);
        for (String user : List.of("manager", "rep-a", "marketing", INTEGRATION)) {
            assertThat(deploy(user, "harmless.bpmn", process("<userTask id=\"Run\"/>")).getStatusCode().value())
                    .as("%s deploys", user).isEqualTo(403);
        }
    }

    // Helpers

    private long routedLead(String who, int employees) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " Ltd",
                "employees", employees, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        return id;
    }

    private static Map<String, Object> repForm(String group, String password) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("displayName", "Changed Name");
        form.put("email", "changed@it.example");
        form.put("groups", List.of(group));
        if (password != null) {
            form.put("password", password);
        }
        return form;
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** Every role may search leads; what a rep finds is only theirs or their band's unassigned, whatever they ask. */
    @Test
    void aRepsSearchNeverHoldsAnotherRepsLead() {
        long mine = captureLead(Map.of("email", uniqueEmail("mine"), "employees", 5, "wantsContact", true));
        long theirs = captureLead(Map.of("email", uniqueEmail("theirs"), "employees", 20, "wantsContact", true));
        runDueJobs(mine);
        runDueJobs(theirs);
        for (String role : ROLES) {
            assertThat(get(role, "/api/leads?size=1").getStatusCode().value()).as(role).isEqualTo(200);
        }
        List<String> seen = new ArrayList<>();
        for (String query : List.of("", "rep=rep-b", "group=reps-mid", "stage=MQL", "sort=-score")) {
            JsonNode page = get("rep-a", "/api/leads?size=200&" + query).getBody();
            page.get("leads").forEach(lead -> {
                String rep = lead.path("assignedRep").isNull() ? null : lead.path("assignedRep").asText();
                String group = lead.path("assignedGroup").asText(null);
                seen.add(lead.get("id").asLong() + " " + rep + " " + group);
                assertThat(rep == null ? Groups.REPS_SMALL.equals(group) : "rep-a".equals(rep))
                        .as("rep-a found lead %s of %s in %s (asked %s)", lead.get("id"), rep, group, query).isTrue();
            });
        }
        for (long lead : List.of(mine, theirs)) {
            JsonNode stored = lead(lead);
            String rep = stored.path("assignedRep").isNull() ? null : stored.path("assignedRep").asText();
            String group = stored.path("assignedGroup").asText(null);
            boolean repAs = "rep-a".equals(rep) || (rep == null && Groups.REPS_SMALL.equals(group));
            if (repAs) {
                assertThat(seen).as("lead %s of %s in %s", lead, rep, group).anyMatch(line -> line.startsWith(lead + " "));
            } else {
                assertThat(seen).as("lead %s of %s in %s", lead, rep, group).noneMatch(line -> line.startsWith(lead + " "));
            }
            assertThat(get("manager", "/api/leads?q=" + stored.path("email").asText()).getBody().get("leads")
                    .findValuesAsText("id")).as("a manager finds lead %s", lead).containsExactly(String.valueOf(lead));
        }
    }

    private void groupGranted(String groupId, Resource resource, Permission permission) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(groupId);
        identityService.saveGroup(group);
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(Authorization.ANY);
        grant.addPermission(permission);
        authorizationService.saveAuthorization(grant);
    }

    private static void assertProblemNaming(int status, JsonNode problem, String field) {
        assertThat(status).as("%s", problem).isEqualTo(400);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).as("%s", problem).containsExactly(field);
        assertThat(problem.get("message").asText()).contains(field);
    }

    private ResponseEntity<JsonNode> engineRest(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method,
                body == null ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> deploy(String user, String name, String content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "matrix");
        form.add(name, new ByteArrayResource(content.getBytes()) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static String process(String elements) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/"
                + "MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"x\"><process "
                + "id=\"sneaky\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"Start\"/>"
                + elements + "</process></definitions>";
    }

    // Tasklist's own API: a webapp session with its CSRF token, as the browser has it.

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrfToken;

    private String tasklistSession(String user) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        csrfToken = WebappHardeningIT.header(page, "X-XSRF-TOKEN");
        String anonymous = WebappHardeningIT.cookieValue(page, "JSESSIONID");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri(WebappHardeningIT.LOGIN))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .header("Content-Type", WebappHardeningIT.FORM).header("X-XSRF-TOKEN", csrfToken)
                .header("Cookie", "JSESSIONID=" + anonymous + "; XSRF-TOKEN=" + csrfToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String session = WebappHardeningIT.cookieValue(login, "JSESSIONID");
        // The token belongs to the session: the new session after login gets its own.
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        csrfToken = loggedIn.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
        return session;
    }

    private HttpResponse<String> tasklist(String session, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken)
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrfToken).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
