package io.leadjourney.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.lead.Lead;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAPI description of {@code /api/**} at {@code /v3/api-docs}, shown by Swagger UI at
 * {@code /swagger-ui.html}. Every operation answers errors as RFC 9457 problem details ({@code Problem}); the
 * description lists them with an example each, so an integrator sees the shape of a 400 before meeting one.
 * {@code /engine-rest} is Camunda's own API and is described by Camunda's reference, linked here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** Where the description and Swagger UI live (see {@code springdoc.*} in application.yaml). */
    static final String ENGINE_REST_REFERENCE = "https://docs.camunda.org/rest/camunda-bpm-platform/7.24/";
    static final String PROBLEM = "Problem";
    private static final String BASIC = "basic";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String EXAMPLES = "openapi/examples.json";

    /** The errors every operation can answer, with an example of each. */
    private static final Map<String, Example> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", problem(400, "Invalid request", "Invalid email: must be a well-formed email address",
                Map.of("errors", java.util.List.of(Map.of("field", "email",
                        "message", "must be a well-formed email address")))));
        ERRORS.put("401", problem(401, "Unauthorized", "Log in with HTTP Basic (a Lead Journey user)", Map.of()));
        ERRORS.put("403", problem(403, "Forbidden", "Your groups may not do this", Map.of()));
        ERRORS.put("409", problem(409, "Conflict", "The lead changed at the same moment; send the request again",
                Map.of()));
        ERRORS.put("413", problem(413, "Request too large", "The body is larger than this endpoint allows", Map.of()));
        ERRORS.put("415", problem(415, "Unsupported Media Type", "Send application/json", Map.of()));
    }

    @Bean
    OpenAPI leadJourneyOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Lead Journey API").version(version)
                        .license(new License().name("Apache-2.0"))
                        .description("""
                                Leads and engagement events from marketing systems, deal outcomes from the CRM, \
                                reps, the funnel and the what-if replay of a candidate MQL definition. \
                                Authenticate with HTTP Basic as a Lead Journey (Camunda) user; each operation \
                                says which groups may call it. Errors are problem details (`application/problem+json`) \
                                that name the field at fault.

                                Tasks, process instances and incidents are served by Camunda's own engine REST \
                                API under `/engine-rest`, with the same users and the engine's authorizations: \
                                see the [Camunda 7.24 REST reference](%s).""".formatted(ENGINE_REST_REFERENCE)))
                .externalDocs(new ExternalDocumentation().description("Camunda engine REST API (/engine-rest)")
                        .url(ENGINE_REST_REFERENCE))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BASIC)))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Adds the problem-details answers to every operation, keeping any answer an operation declares itself. The
     * schema is added here, not with the document: springdoc drops schemas nothing refers to before customizers run.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
                        : operation.getResponses();
                ERRORS.forEach((status, example) -> {
                    if (applies(status, method)) {
                        responses.putIfAbsent(status, errorResponse(example));
                    }
                });
                if (path.contains("{")) {
                    responses.putIfAbsent("404", errorResponse(problem(404, "Not Found", "No lead 42", Map.of())));
                }
                operation.setResponses(responses);
            }));
        };
    }

    /**
     * An example of each operation's answer, and of its JSON request where the operation's own annotations give
     * none, from {@code openapi/examples.json} ({@code "METHOD /path"}: {@code request}, {@code response}, and
     * {@code csv} for a CSV answer). The examples were answers of the running application; {@code OpenApiIT} checks
     * that each still has the fields its schema has.
     */
    @Bean
    OpenApiCustomizer successExamples(ObjectMapper json) throws IOException {
        JsonNode examples;
        try (var in = new ClassPathResource(EXAMPLES).getInputStream()) {
            examples = json.readTree(in);
        }
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                JsonNode these = examples.path(method.name() + " " + path);
                if (these.isMissingNode()) {
                    return;
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                        && these.has("request")) {
                    MediaType request = operation.getRequestBody().getContent()
                            .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                    if (request != null && request.getExamples() == null && request.getExample() == null) {
                        request.addExamples(these.path("request").path("summary").asText(),
                                example(json, these.path("request")));
                    }
                }
                operation.getResponses().entrySet().stream().filter(answer -> answer.getKey().startsWith("2"))
                        .map(answer -> answer.getValue().getContent()).filter(Objects::nonNull)
                        .forEach(content -> content.forEach((type, media) -> {
                            JsonNode one = type.startsWith("text/csv")
                                    ? these.path("csv") : these.path("response");
                            if (!one.isMissingNode() && media.getExamples() == null) {
                                media.addExamples(one.path("summary").asText(), example(json, one));
                            }
                        }));
            }));
        };
    }

    private static Example example(ObjectMapper json,
                                   JsonNode node) {
        Object value = node.path("value").isTextual() ? node.path("value").asText()
                : json.convertValue(node.path("value"), Object.class);
        return new Example().summary(node.path("summary").asText()).value(value);
    }

    private static boolean applies(String status, PathItem.HttpMethod method) {
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        return switch (status) {
            case "409", "413", "415" -> writes;
            default -> true;
        };
    }

    private static ApiResponse errorResponse(Example example) {
        Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        return new ApiResponse().description(example.getSummary()).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(reference).addExamples(example.getSummary(), example)));
    }

    private static Example problem(int status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        return new Example().summary(title).value(body);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema schema = ModelConverters.getInstance().readAllAsResolvedSchema(ProblemDetail.class).schema;
        schema.description("An error, as RFC 9457 problem details. A 400 names each field at fault in `errors`"
                + " and in `detail`.");
        Schema<?> fieldError = new Schema<>().type("object")
                .addProperty("field", new Schema<>().type("string").description("e.g. email, events[3].type"))
                .addProperty("message", new Schema<>().type("string"));
        schema.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError)
                .description("the fields at fault (400 only)"));
        return schema;
    }
}
