package io.leadjourney.security;

import io.leadjourney.IntegrationTest;
import io.leadjourney.engine.AdhocQueryExpressionGuard;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's webapp hardening, checked on the running application without TLS: CSRF protection on every
 * modifying webapp request, HttpOnly and SameSite session cookies, a new session at login, security headers, and
 * the engine settings Camunda's security guide names (query limit, no Java serialization, no expressions in
 * ad-hoc queries). {@link TlsHardeningIT} adds what changes behind TLS.
 */
class WebappHardeningIT extends IntegrationTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    @LocalServerPort
    private int port;
    @Autowired
    private ProcessEngineConfigurationImpl engine;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void webappPagesCarryTheSecurityHeadersAndSameSiteCookies() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(TASKLIST)).GET(), Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("default-src 'self'");
        assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(page, "X-XSS-Protection")).isEqualTo("1; mode=block");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();
        assertThat(cookie(page, "XSRF-TOKEN")).contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(cookie(page, "JSESSIONID")).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void modifyingWebappRequestsNeedTheCsrfTokenAndLoginStartsAFreshSession() throws Exception {
        String credentials = "username=manager&password=manager";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri(LOGIN))
                .POST(HttpRequest.BodyPublishers.ofString(credentials)), Map.of("Content-Type", FORM));
        assertThat(forged.statusCode()).as("login without the CSRF token").isEqualTo(403);

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(TASKLIST)).GET(), Map.of());
        String token = header(page, "X-XSRF-TOKEN");
        String anonymousSession = cookieValue(page, "JSESSIONID");
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri(LOGIN))
                .POST(HttpRequest.BodyPublishers.ofString(credentials)), Map.of("Content-Type", FORM,
                "X-XSRF-TOKEN", token, "Cookie", "JSESSIONID=" + anonymousSession + "; XSRF-TOKEN=" + token));
        assertThat(login.statusCode()).isEqualTo(200);
        String session = cookieValue(login, "JSESSIONID");
        assertThat(session).as("a new session id after login (no session fixation)").isNotEqualTo(anonymousSession);

        long id = captureLead(Map.of("email", uniqueEmail("csrf"), "firstName", "Cs", "company", "Forge Ltd",
                "employees", 30, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        Task task = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
        String claim = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";
        HttpResponse<String> withoutToken = send(HttpRequest.newBuilder(uri(claim))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"manager\"}")),
                Map.of("Content-Type", "application/json", "Cookie", "JSESSIONID=" + session));
        assertThat(withoutToken.statusCode()).as("a logged-in session without the CSRF token").isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo("rep-b");
    }

    @Test
    void theEngineRefusesUnboundQueriesExpressionsAndJavaSerialization() throws Exception {
        assertThat(engine.getQueryMaxResultsLimit()).isEqualTo(2000);
        assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(engine.isEnableExpressionsInAdhocQueries()).isFalse();

        Map<String, String> admin = Map.of("Authorization", basic("admin"), "Content-Type", "application/json");
        HttpResponse<String> unbound = send(HttpRequest.newBuilder(uri("/engine-rest/task")).GET(), admin);
        assertThat(unbound.statusCode()).isEqualTo(400);
        assertThat(unbound.body()).contains("unbound number of results");
        HttpResponse<String> expression = send(HttpRequest.newBuilder(
                uri("/engine-rest/task?maxResults=5&dueAfterExpression=" + encode("${now()}"))).GET(), admin);
        assertThat(expression.statusCode()).isEqualTo(400);
        assertThat(expression.body()).contains("Expressions are forbidden");

        long id = captureLead(Map.of("email", uniqueEmail("serial"), "firstName", "Se", "company", "Gadget Ltd",
                "employees", 30, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        String journey = journeyOf(id).getId();
        // A serialized java.lang.Integer: harmless here, but the format itself is the deserialization hole.
        String javaObject = "rO0ABXNyABFqYXZhLmxhbmcuSW50ZWdlchLioKT3gYc4AgABSQAFdmFsdWV4cgAQamF2YS5sYW5nLk51bWJlc"
                + "oaslR0LlOCLAgAAeHAAAAAB";
        HttpResponse<String> serialized = send(HttpRequest.newBuilder(
                uri("/engine-rest/process-instance/" + journey + "/variables/gadget")).PUT(
                HttpRequest.BodyPublishers.ofString("{\"type\":\"Object\",\"value\":\"" + javaObject + "\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.lang.Integer\",\"serializationDataFormat\":"
                        + "\"application/x-java-serialized-object\"}}")), admin);
        // Camunda answers this refusal with its generic RestException status (500); what matters is the refusal.
        assertThat(serialized.statusCode()).as("answer %s", serialized.body()).isGreaterThanOrEqualTo(400);
        assertThat(serialized.body()).contains("Java serialization format is prohibited");
        assertThat(runtimeService.getVariable(journey, "gadget")).isNull();
    }

    /** CVE-2026-109432: Camunda 7.24.0 does not check the queries inside orQueries for expressions. */
    @Test
    void expressionsInsideOrQueriesAndFilterExtensionsAreRefusedWhileStoredFiltersKeepWorking() throws Exception {
        long id = captureLead(Map.of("email", uniqueEmail("orquery"), "firstName", "Or", "company", "Query Ltd",
                "employees", 30, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        Task task = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
        Map<String, String> repB = Map.of("Authorization", basic("rep-b"), "Content-Type", "application/json");
        String injected = "{\"orQueries\":[{\"dueAfterExpression\":\"${now()}\"}]}";
        String filterId = managementFilter(IdentitySetup.FILTER_MY_LEADS_TO_ACCEPT);
        for (String path : List.of("/engine-rest/task?maxResults=10", "/engine-rest/task/count",
                "/engine-rest/filter/" + filterId + "/list?maxResults=10",
                "/camunda/api/engine/engine/default/task?maxResults=10")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path))
                    .POST(HttpRequest.BodyPublishers.ofString(injected)), repB);
            if (path.startsWith("/camunda/")) {
                assertThat(answer.statusCode()).as("webapp API without session and CSRF token").isIn(401, 403);
                continue;
            }
            assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains(AdhocQueryExpressionGuard.REFUSAL);
        }
        HttpResponse<String> plainOr = send(HttpRequest.newBuilder(uri("/engine-rest/task?maxResults=200"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"orQueries\":[{\"assignee\":\"rep-b\"}]}")), repB);
        assertThat(plainOr.statusCode()).isEqualTo(200);
        assertThat(plainOr.body()).contains(task.getId());
        HttpResponse<String> storedFilter = send(HttpRequest.newBuilder(
                uri("/engine-rest/filter/" + filterId + "/list?maxResults=200"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")), repB);
        assertThat(storedFilter.statusCode()).as("${currentUser()} in a stored filter").isEqualTo(200);
        assertThat(storedFilter.body()).contains(task.getId());
    }

    private String managementFilter(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    @Test
    void apiAnswersCarrySpringSecurityHeaders() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/leads/1")).GET(),
                Map.of("Authorization", basic(INTEGRATION)));
        assertThat(header(answer, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(answer, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(answer, "Cache-Control")).contains("no-store");
        assertThat(answer.headers().allValues("Set-Cookie")).as("the API keeps no session").isEmpty();
    }

    static final String FORM = "application/x-www-form-urlencoded";

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    static String cookie(HttpResponse<?> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
    }

    static String cookieValue(HttpResponse<?> response, String name) {
        String cookie = cookie(response, name);
        return cookie.substring(name.length() + 1, cookie.indexOf(';'));
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
