package io.leadjourney.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated malformed and hostile requests against the intake, events, batch and outcome endpoints: every one is
 * answered with a 4xx problem detail, none with a 5xx, and none leaves a row or a journey behind. Seeded, so a
 * failure repeats.
 */
class HostileInputIT extends IntegrationTest {

    private static final int PER_ENDPOINT = 300;
    private static final String[] HOSTILE = {"'; drop table lead; --", "<script>alert(1)</script>", "${jndi:ldap://x}",
            "\u0000", "../../etc/passwd", "%s%s%s%n", "\uD83D\uDE00", "Robert'); DELETE FROM lead;--", " ", ""};

    @Autowired
    private JdbcTemplate jdbc;

    private final Random random = new Random(20261123);

    private record Outcome(int status, boolean problem) {
    }

    private Map<String, Long> footprint() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("lead", "engagement_event", "stage_transition", "opportunity", "notification",
                "contact_attempt", "ACT_RU_EXECUTION", "ACT_HI_PROCINST")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("outcomes", jdbc.queryForObject("select count(*) from opportunity where outcome is not null",
                Long.class));
        return counts;
    }

    private Outcome send(String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        ResponseEntity<String> answer = http.withBasicAuth(INTEGRATION, INTEGRATION).exchange(path, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        MediaType returned = answer.getHeaders().getContentType();
        boolean problem = returned != null && returned.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                && answer.getBody() != null && answer.getBody().contains("\"status\"");
        return new Outcome(answer.getStatusCode().value(), problem);
    }

    /** One malformed variant of a valid body. */
    private String mutate(Map<String, Object> valid, List<String> required) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        List<String> fields = new ArrayList<>(body.keySet());
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(9)) {
            case 0 -> body.remove(required.get(random.nextInt(required.size())));
            case 1 -> body.put(field, List.of(1, 2));
            case 2 -> body.put(field, Map.of("nested", true));
            case 3 -> body.put(field, "x".repeat(5_000 + random.nextInt(60_000)));
            case 4 -> body.put("unknownField" + random.nextInt(9), HOSTILE[random.nextInt(HOSTILE.length)]);
            case 5 -> body.put(required.get(random.nextInt(required.size())), random.nextBoolean() ? null
                    : HOSTILE[random.nextInt(HOSTILE.length)] + "\u0007NOT_A_VALUE");
            case 6 -> {
                String text = json.writeValueAsString(body);
                return text.substring(0, 1 + random.nextInt(text.length() - 1));  // truncated
            }
            case 7 -> {
                return switch (random.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> "null";
                    case 2 -> "[" + json.writeValueAsString(body) + "]";
                    case 3 -> "{".repeat(2_000) + "}".repeat(2_000);
                    default -> HOSTILE[random.nextInt(HOSTILE.length)];
                };
            }
            default -> body.put(field, random.nextBoolean() ? -1 : 1e308);
        }
        return json.writeValueAsString(body);
    }

    @Test
    void malformedAndHostileRequestsGetA4xxProblemAndLeaveNothingBehind() throws Exception {
        long lead = captureLead(Map.of("email", uniqueEmail("target"), "firstName", "Tar", "company", "Get SA",
                "employees", 20, "wantsContact", true));
        handToSales(lead);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Map<String, Object> validLead = new LinkedHashMap<>(Map.of("email", "valid@fuzz.example", "employees", 20,
                "wantsContact", true, "firstName", "Ada", "customFields", Map.of("crmSystem", "HubSpot")));
        Map<String, Object> validEvent = new LinkedHashMap<>(Map.of("type", "EMAIL_OPENED",
                "occurredAt", Instant.now().toString()));
        Map<String, Object> validOutcome = new LinkedHashMap<>(Map.of("outcome", "WON", "value", 100,
                "currency", "EUR", "closedOn", today));
        Map<String, Object> validBatchEvent = new LinkedHashMap<>(Map.of("eventId", "e1", "leadId", lead,
                "type", "EMAIL_OPENED", "occurredAt", Instant.now().toString()));

        Map<String, Supplier<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/leads", () -> unchecked(() -> {
            String body = mutate(validLead, List.of("email"));
            // The e-mail is the one thing a lead must have: a mutation that leaves a valid lead is made invalid.
            return body.contains("\"valid@fuzz.example\"") && !body.contains("unknownField") && body.startsWith("{")
                    && body.endsWith("}") ? body.replace("valid@fuzz.example", "not-an-address") : body;
        }));
        endpoints.put("/api/leads/" + lead + "/events", () -> unchecked(() -> mutate(validEvent,
                List.of("type", "occurredAt"))));
        endpoints.put("/api/leads/" + lead + "/outcome", () -> unchecked(() -> mutate(validOutcome,
                List.of("outcome", "closedOn"))));
        endpoints.put("/api/events", () -> unchecked(() -> {
            int kind = random.nextInt(3);
            if (kind == 0) {
                return "{\"events\":" + (random.nextBoolean() ? "[]" : "null") + "}";
            }
            if (kind == 1) {
                return mutate(Map.of("events", List.of(validBatchEvent)), List.of("events"))
                        .replace("\"events\":[", "\"events\":\"");
            }
            return "{\"events\":[" + mutate(validBatchEvent, List.of("eventId")) + "}";
        }));

        Map<String, Long> before = footprint();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, Supplier<String>> endpoint : endpoints.entrySet()) {
            for (int i = 0; i < PER_ENDPOINT; i++) {
                String body = endpoint.getValue().get();
                Outcome outcome = send(endpoint.getKey(), body, MediaType.APPLICATION_JSON);
                sent++;
                statuses.merge(String.valueOf(outcome.status()), 1, Integer::sum);
                if (outcome.status() < 400 || outcome.status() >= 500 || !outcome.problem()) {
                    wrong.add(outcome.status() + " " + endpoint.getKey() + " " + body.substring(0,
                            Math.min(200, body.length())));
                }
            }
        }
        // Not JSON at all, an oversized batch, and a body over the size limit.
        Outcome plain = send("/api/leads", "email=a@b.example", MediaType.TEXT_PLAIN);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= 10_000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"eventId\":\"big-").append(i).append("\",\"leadId\":").append(lead)
                    .append(",\"type\":\"EMAIL_OPENED\",\"occurredAt\":\"2026-11-20T10:00:00Z\"}");
        }
        Outcome oversized = send("/api/events", batch.append("]}").toString(), MediaType.APPLICATION_JSON);
        Outcome huge = send("/api/leads", "{\"email\":\"" + "a".repeat(2_000_000) + "@x.example\"}",
                MediaType.APPLICATION_JSON);
        sent += 3;
        System.out.printf("Hostile input: %d requests, answers by status %s, plain text %d, 10,001 events %d,"
                + " 2 MB body %d%n", sent, statuses, plain.status(), oversized.status(), huge.status());

        assertThat(sent).isGreaterThanOrEqualTo(1_000);
        assertThat(wrong).as("answers that are not a 4xx problem detail").isEmpty();
        assertThat(plain.status()).isEqualTo(415);
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.problem()).isTrue();
        assertThat(huge.status()).isEqualTo(413);
        assertThat(footprint()).as("nothing left behind").isEqualTo(before);
    }

    /**
     * The lead search's parameters: hostile text is looked for as text (200), a value that is no number, date, stage
     * or order is a 400 problem naming it, never a 5xx; and searching writes nothing.
     */
    @Test
    void hostileSearchParametersAreTextOrA400NamingThem() {
        List<String> parameters = List.of("q", "stage", "rep", "group", "source", "scoreMin", "scoreMax", "grade",
                "createdFrom", "createdTo", "updatedFrom", "updatedTo", "sla", "sort", "page", "size");
        List<String> values = new ArrayList<>(List.of(HOSTILE));
        values.addAll(List.of("-1", "1e308", "99999999999999999999", "2026-13-45", "MQL,,SAL", "x".repeat(5_000)));
        Map<String, Long> before = footprint();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String parameter : parameters) {
            for (String value : values) {
                java.net.URI uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/leads")
                        .queryParam(parameter, "{value}").encode().buildAndExpand(value).toUri();
                ResponseEntity<String> answer = http.withBasicAuth("manager", "manager").getForEntity(uri,
                        String.class);
                int status = answer.getStatusCode().value();
                statuses.merge(String.valueOf(status), 1, Integer::sum);
                MediaType type = answer.getHeaders().getContentType();
                boolean problem = type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        && answer.getBody() != null && answer.getBody().contains("\"" + parameter);
                if (!(status == 200 || (status == 400 && problem))) {
                    wrong.add(status + " " + parameter + "=" + value.substring(0, Math.min(40, value.length())));
                }
            }
        }
        System.out.printf("Hostile search: %d requests, answers by status %s%n", parameters.size() * values.size(),
                statuses);
        assertThat(wrong).as("answers that are neither a search nor a 400 problem naming the parameter").isEmpty();
        assertThat(statuses).containsKeys("200", "400");
        assertThat(footprint()).as("a search writes nothing").isEqualTo(before);
    }

    /**
     * The same payloads in the portal's own parameters: the team's and the rejections' periods are shown or refused
     * with a 400 page, and a saved search's name is kept as text and shown escaped; never a 500, never markup.
     */
    @Test
    void hostilePortalParametersAreShownAsTextOrRefused() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/portal/team", "/portal/rejections")) {
            for (String parameter : List.of("from", "to")) {
                for (String value : HOSTILE) {
                    java.net.URI uri = org.springframework.web.util.UriComponentsBuilder.fromPath(path)
                            .queryParam(parameter, "{value}").encode().buildAndExpand(value).toUri();
                    ResponseEntity<String> answer = http.withBasicAuth("manager", "manager").getForEntity(uri,
                            String.class);
                    int status = answer.getStatusCode().value();
                    if (!(status == 200 || status == 400) || String.valueOf(answer.getBody()).contains("<script>")) {
                        wrong.add(status + " " + path + "?" + parameter + "=" + value);
                    }
                }
            }
        }
        ResponseEntity<String> page = http.withBasicAuth("marketing", "marketing").getForEntity("/portal/leads",
                String.class);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(token.find()).isTrue();
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("Cookie", page.getHeaders().getFirst("Set-Cookie").split(";")[0]);
        for (String value : HOSTILE) {
            for (String field : List.of("name", "query")) {
                String form = (field.equals("name") ? "query=stage%3DMQL&name=" : "name=hostile&query=")
                        + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                        + "&_csrf=" + token.group(1);
                int status = http.withBasicAuth("marketing", "marketing").exchange("/portal/saved-searches",
                        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(form,
                                headers), String.class).getStatusCode().value();
                if (status != 302 && status != 200) {
                    wrong.add(status + " saved search " + field + "=" + value);
                }
            }
        }
        String leads = http.withBasicAuth("marketing", "marketing").getForEntity("/portal/leads", String.class)
                .getBody();
        assertThat(leads).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(jdbc.queryForList("select query from saved_search where user_id = 'marketing'", String.class))
                .as("only query strings are kept (empty: every lead)").containsOnly("stage=MQL", "")
                .hasSize(HOSTILE.length - 3 + 1);  // names but the blank two and the NUL, and "hostile" once
        jdbc.update("delete from saved_search where user_id = 'marketing'");
        assertThat(wrong).isEmpty();
    }

    /**
     * The same kind of payloads sent to a rep's task completion: each is a 4xx problem naming what is wrong, never a
     * 500 with the engine's text, and the task stays open with its variables as they were.
     */
    @Test
    void malformedAndHostileTaskCompletionsGetA4xxProblemAndCompleteNothing() throws Exception {
        long lead = captureLead(Map.of("email", uniqueEmail("task-target"), "firstName", "Tas", "company", "K SA",
                "employees", 20, "wantsContact", true));
        runDueJobs(lead);
        org.camunda.bpm.engine.task.Task task = taskOf(lead, io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD);
        Map<String, Object> before = runtimeService.getVariables(task.getProcessInstanceId());
        Map<String, Object> validVariables = new LinkedHashMap<>(Map.of("acceptDecision", Map.of("value", "ACCEPT")));
        Map<String, Object> validBody = new LinkedHashMap<>(Map.of("variables", validVariables));
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            String body = random.nextBoolean() ? mutate(validBody, List.of("variables"))
                    : "{\"variables\":" + mutate(validVariables, List.of("acceptDecision")) + "}";
            String action = random.nextBoolean() ? "complete" : "submit-form";
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> answer = http.withBasicAuth(task.getAssignee(), task.getAssignee()).exchange(
                    "/engine-rest/task/" + task.getId() + "/" + action, HttpMethod.POST,
                    new HttpEntity<>(body, headers), String.class);
            int status = answer.getStatusCode().value();
            statuses.merge(String.valueOf(status), 1, Integer::sum);
            MediaType returned = answer.getHeaders().getContentType();
            boolean problem = returned != null && returned.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    && answer.getBody() != null && answer.getBody().contains("\"detail\"");
            if (status < 400 || status >= 500 || !problem) {
                wrong.add(status + " " + action + " " + body.substring(0, Math.min(200, body.length())) + " -> "
                        + answer.getBody());
            }
        }
        System.out.printf("Hostile task completions: %d requests, answers by status %s%n", PER_ENDPOINT, statuses);
        assertThat(wrong).as("answers that are not a 4xx problem detail").isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open")
                .isEqualTo(1);
        assertThat(runtimeService.getVariables(task.getProcessInstanceId())).isEqualTo(before);
        assertThat(stageOf(lead)).isEqualTo("MQL");
    }

    private interface Body {
        String make() throws Exception;
    }

    private static String unchecked(Body body) {
        try {
            return body.make();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
