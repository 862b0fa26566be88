package io.leadjourney.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A request to /api that no controller takes still answers problem details, like every other error of the API. */
class ApiRoutingProblemsIT extends IntegrationTest {

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return http.withBasicAuth(user, user).exchange(path, method,
                new HttpEntity<>(contentType == null ? null : "x", headers), JsonNode.class);
    }

    private static void isProblem(ResponseEntity<JsonNode> answer, int status) {
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isNotNull();
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", answer.getHeaders().getContentType()).isTrue();
        assertThat(answer.getBody().path("status").asInt()).isEqualTo(status);
        assertThat(answer.getBody().path("title").asText()).isNotBlank();
        assertThat(answer.getBody().path("detail").asText()).isNotBlank();
    }

    @Test
    void aPathNobodyMapsIsA404Problem() {
        ResponseEntity<JsonNode> answer = send("manager", HttpMethod.GET, "/api/leads/1/no-such-thing", null);
        isProblem(answer, 404);
        assertThat(answer.getBody().path("detail").asText()).contains("/api/leads/1/no-such-thing")
                .contains("/v3/api-docs");
    }

    @Test
    void aMethodThePathDoesNotAllowIsA405ProblemWithAllow() {
        ResponseEntity<JsonNode> answer = send("manager", HttpMethod.PATCH, "/api/reps/rep-a", null);
        isProblem(answer, 405);
        assertThat(answer.getHeaders().getAllow()).contains(HttpMethod.GET, HttpMethod.PUT);
    }

    @Test
    void aBodyTypeThePathDoesNotReadIsA415Problem() {
        isProblem(send("admin", HttpMethod.POST, "/api/leads", "text/plain"), 415);
    }

    @Test
    void anAnswerOfOurControllersStaysTheirs() {
        ResponseEntity<JsonNode> missing = send("manager", HttpMethod.GET, "/api/leads/987654321", null);
        isProblem(missing, 404);
        assertThat(missing.getBody().path("detail").asText()).doesNotContain("/v3/api-docs");
    }
}
