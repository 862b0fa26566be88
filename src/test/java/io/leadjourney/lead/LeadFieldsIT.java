package io.leadjourney.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.DmnEdit;
import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead fields a process owner declares in {@code lead-fields.dmn} (by default "CRM in use", a choice): taken by
 * the API and checked with a 400 naming the field, kept on the lead, seen by the fit table, removed by erasure.
 */
class LeadFieldsIT extends IntegrationTest {

    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private JdbcTemplate jdbc;

    private static Map<String, Object> lead(String who, Map<String, Object> customFields) {
        Map<String, Object> lead = new HashMap<>(Map.of("email", uniqueEmail(who), "firstName", who, "company",
                who + " Ltd", "employees", 30));
        lead.put("customFields", customFields);
        return lead;
    }

    @Test
    void aDeclaredFieldIsTakenKeptAndChangedByALaterForm() {
        Map<String, Object> form = lead("crm", Map.of("crmSystem", "hubspot"));
        long id = captureLead(form);
        assertThat(lead(id).path("customFields").path("crmSystem").asText()).as("the declared spelling")
                .isEqualTo("HubSpot");

        Map<String, Object> cleared = new HashMap<>();
        cleared.put("crmSystem", null);
        form.put("customFields", cleared);
        assertThat(post(INTEGRATION, "/api/leads", form).getStatusCode().value()).isEqualTo(200);
        assertThat(lead(id).path("customFields").has("crmSystem")).as("a null value removes the field").isFalse();
    }

    @Test
    void anUndeclaredFieldOrAValueTheFieldDoesNotAllowIsA400NamingItAndNothingIsStored() {
        Map<String, Object> excel = lead("excel", Map.of("crmSystem", "Excel"));
        ResponseEntity<JsonNode> refused = post(INTEGRATION, "/api/leads", excel);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("customFields.crmSystem");
        assertThat(refused.getBody().toString()).contains("must be one of [Salesforce, HubSpot, Microsoft Dynamics,");

        ResponseEntity<JsonNode> unknown = post(INTEGRATION, "/api/leads", lead("colour",
                Map.of("favouriteColour", "blue")));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("customFields.favouriteColour");
        assertThat(unknown.getBody().toString()).contains("lead-fields declares [crmSystem]");
        assertThat(jdbc.queryForObject("select count(*) from lead where email in (?, ?)", Integer.class,
                excel.get("email"), "colour")).isZero();
    }

    @Test
    void theFitTableSeesADeclaredFieldOnceAProcessOwnerGivesItAColumn() throws IOException {
        long before = captureLead(lead("before", Map.of("crmSystem", "HubSpot")));
        int fitBefore = lead(before).path("fitScore").asInt();
        String shipped = DmnEdit.shipped("lead-fit");
        deploy(DmnEdit.withColumnAndRule(shipped, "crmSystem", "string", "Uses HubSpot", "\"hubspot\"", false,
                "5", "\"Uses HubSpot: our integration sells\""));
        try {
            long after = captureLead(lead("after", Map.of("crmSystem", "HubSpot")));
            JsonNode scored = lead(after);
            assertThat(scored.path("fitScore").asInt()).isEqualTo(fitBefore + 5);
            assertThat(scored.path("scoreReceipt").asText()).contains("Uses HubSpot: our integration sells");
            long other = captureLead(lead("other", Map.of("crmSystem", "Pipedrive")));
            assertThat(lead(other).path("fitScore").asInt()).isEqualTo(fitBefore);
            long none = captureLead(lead("none", Map.of()));
            assertThat(lead(none).path("fitScore").asInt()).as("a lead without the field").isEqualTo(fitBefore);
        } finally {
            deploy(shipped);
        }
    }

    @Test
    void erasureRemovesTheDeclaredFields() {
        long id = captureLead(lead("erased", Map.of("crmSystem", "Salesforce")));
        assertThat(http.withBasicAuth("admin", "admin").exchange("/api/leads/" + id, HttpMethod.DELETE, null,
                JsonNode.class).getStatusCode().value()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select custom_fields from lead where id = ?", String.class, id)).isNull();
    }

    private void deploy(String dmn) {
        repositoryService.createDeployment().name("lead-fields-it").addInputStream("lead-fit.dmn",
                new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }
}
