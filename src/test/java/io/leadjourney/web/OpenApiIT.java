package io.leadjourney.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description at /v3/api-docs and Swagger UI at /swagger-ui.html: for logged-in users only, our
 * /api only (engine-rest is Camunda's, linked), every operation with its problem-details errors, the
 * integration endpoints with examples that the API itself accepts.
 */
class OpenApiIT extends IntegrationTest {

    @Test
    void theDescriptionAndSwaggerUiNeedALogin() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // An unknown user: a wrong password for a real one would lock it briefly for the other tests.
        assertThat(http.withBasicAuth("nobody", "nobody").getForEntity("/v3/api-docs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> ui = http.withBasicAuth(INTEGRATION, INTEGRATION)
                .getForEntity("/swagger-ui.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
        ResponseEntity<String> config = http.withBasicAuth(INTEGRATION, INTEGRATION)
                .getForEntity("/v3/api-docs/swagger-config", String.class);
        assertThat(config.getBody()).contains("/v3/api-docs");
    }

    @Test
    void describesOurApiWithItsErrorsAndLinksCamundasReference() {
        JsonNode api = get(INTEGRATION, "/v3/api-docs").getBody();
        assertThat(api).isNotNull();
        assertThat(api.path("info").path("title").asText()).isEqualTo("Lead Journey API");
        assertThat(api.path("info").path("description").asText()).contains(OpenApiConfiguration.ENGINE_REST_REFERENCE);
        assertThat(api.path("externalDocs").path("url").asText()).isEqualTo(OpenApiConfiguration.ENGINE_REST_REFERENCE);
        assertThat(api.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");

        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/leads", "/api/leads/{id}", "/api/leads/{id}/events", "/api/events",
                "/api/leads/{id}/outcome", "/api/funnel", "/api/reps", "/api/definition/what-if");
        assertThat(paths).allMatch(path -> path.startsWith("/api/"));

        JsonNode problem = api.path("components").path("schemas").path(OpenApiConfiguration.PROBLEM);
        assertThat(problem.path("properties").has("detail")).isTrue();
        assertThat(problem.path("properties").path("errors").path("items").path("properties").has("field")).isTrue();

        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            for (String status : List.of("400", "401", "403")) {
                assertThat(responses.path(status).path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText()).as("%s %s answers %s as a problem", operation.getKey(),
                        path.getKey(), status).endsWith("/" + OpenApiConfiguration.PROBLEM);
            }
        }));
        assertThat(api.path("paths").path("/api/leads/{id}").path("get").path("responses").has("404")).isTrue();
        List<String> undocumented = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().path("summary").asText().isBlank()
                    || !operation.getValue().path("description").asText().contains("Groups: ")) {
                undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(undocumented).as("operations without a summary and the groups that may call them").isEmpty();
        JsonNode search = api.path("paths").path("/api/leads").path("get");
        assertThat(search.path("summary").asText()).isEqualTo("Find leads");
        assertThat(search.path("parameters").findValuesAsText("name")).as("the search's query parameters")
                .contains("q", "stage", "rep", "group", "source", "scoreMin", "scoreMax", "grade", "createdFrom",
                        "createdTo", "updatedFrom", "updatedTo", "sla", "sort", "page", "size");
    }

    /**
     * Every answer with a body shows an example, and so does every JSON request; an example of an object has exactly
     * the fields its schema has (so a field added to a view without its example fails here).
     */
    @Test
    void everyOperationShowsExamplesWithTheFieldsOfItsSchema() {
        JsonNode api = get(INTEGRATION, "/v3/api-docs").getBody();
        JsonNode schemas = api.path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        List<String> unlike = new ArrayList<>();
        int shown = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) api.path("paths")::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode request = operation.getValue().path("requestBody").path("content").path("application/json");
                if (!request.isMissingNode() && !request.has("examples") && !request.has("example")) {
                    missing.add(name + " request");
                }
                for (var answer : (Iterable<Map.Entry<String, JsonNode>>) operation.getValue().path("responses")::fields) {
                    if (!answer.getKey().startsWith("2")) {
                        continue;
                    }
                    for (var media : (Iterable<Map.Entry<String, JsonNode>>) answer.getValue().path("content")::fields) {
                        JsonNode examples = media.getValue().path("examples");
                        if (!examples.elements().hasNext()) {
                            missing.add(name + " " + answer.getKey() + " " + media.getKey());
                            continue;
                        }
                        shown++;
                        JsonNode value = examples.elements().next().path("value");
                        JsonNode schema = media.getValue().path("schema");
                        if (schema.has("items")) {
                            schema = schema.path("items");
                            value = value.path(0);
                        }
                        String ref = schema.path("$ref").asText();
                        if (!ref.isEmpty() && value.isObject()) {
                            List<String> fields = new ArrayList<>();
                            value.fieldNames().forEachRemaining(fields::add);
                            List<String> declared = new ArrayList<>();
                            schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties").fieldNames()
                                    .forEachRemaining(declared::add);
                            if (!new java.util.TreeSet<>(fields).equals(new java.util.TreeSet<>(declared))) {
                                unlike.add(name + ": example " + new java.util.TreeSet<>(fields) + ", schema "
                                        + new java.util.TreeSet<>(declared));
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).as("answers and requests without an example").isEmpty();
        assertThat(unlike).as("examples whose fields differ from their schema's").isEmpty();
        assertThat(shown).as("answers with an example").isGreaterThanOrEqualTo(18);
    }

    @Test
    void theExamplesAreRequestsTheApiAccepts() throws Exception {
        JsonNode api = get(INTEGRATION, "/v3/api-docs").getBody();
        JsonNode leadExample = example(api, "/api/leads", "trade-show scan");
        String email = uniqueEmail("openapi");
        ((com.fasterxml.jackson.databind.node.ObjectNode) leadExample).put("email", email);
        ResponseEntity<JsonNode> captured = post(INTEGRATION, "/api/leads", leadExample);
        assertThat(captured.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long leadId = captured.getBody().path("id").asLong();

        JsonNode event = example(api, "/api/leads/{id}/events", "trial started");
        assertThat(post(INTEGRATION, "/api/leads/" + leadId + "/events", event).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode invalid = post(INTEGRATION, "/api/leads", json.readTree("{\"email\":\"nope\"}")).getBody();
        JsonNode documented = api.path("paths").path("/api/leads").path("post").path("responses").path("400")
                .path("content").path("application/problem+json").path("examples").path("Invalid request")
                .path("value");
        assertThat(invalid.path("title").asText()).isEqualTo(documented.path("title").asText());
        assertThat(invalid.path("errors").get(0).path("field").asText())
                .isEqualTo(documented.path("errors").get(0).path("field").asText());
    }

    private JsonNode example(JsonNode api, String path, String name) throws Exception {
        JsonNode value = api.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("examples").path(name).path("value");
        assertThat(value.isMissingNode()).as("example %s of POST %s", name, path).isFalse();
        return value.isTextual() ? json.readTree(value.asText()) : value.deepCopy();
    }
}
