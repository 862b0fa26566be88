package io.leadjourney.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.DmnEdit;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales ops changes a rule in Modeler, deploys it, and the next lead follows: no release, no restart. */
class ProcessOwnerScenarioIT extends Scenario {

    @Autowired
    private RepositoryService repositoryService;

    /**
     * Given the large-accounts team knows the Salesforce integration, when on Monday at 09:00 sales ops puts a first
     * rule in lead-routing.dmn on the declared lead field "CRM in use" (crmSystem) and deploys it, then a 30-person
     * company on Salesforce that arrives at 09:05 goes to that team, with the rule as the reason, while a company of
     * the same size on HubSpot goes to its size band as before.
     */
    @Test
    void aRoutingRuleOnADeclaredLeadFieldSendsTheNextLeadToItsTeam() throws IOException {
        String shipped = DmnEdit.shipped("lead-routing");
        at("2027-02-01T09:00");
        deploy(DmnEdit.withColumnAndRule(shipped, "crmSystem", "string",
                "Companies on Salesforce go to the team that knows the integration", "\"salesforce\"", true,
                "\"reps-large\"", "\"Companies on Salesforce\""));
        try {
            at("2027-02-01T09:05");
            long onSalesforce = lead("salesforce", "Salesforce");
            long onHubspot = lead("hubspot", "HubSpot");
            JsonNode salesforce = lead(onSalesforce);
            JsonNode hubspot = lead(onHubspot);
            System.out.println("Routing after the deployment:\n  " + String.join("\n  ", List.of(
                    WHEN.format(now()) + " Salesforce lead -> " + salesforce.get("routingReason").asText(),
                    WHEN.format(now()) + " HubSpot lead -> " + hubspot.get("routingReason").asText())));
            assertThat(salesforce.get("routingReason").asText()).startsWith("Companies on Salesforce (lead-routing:v")
                    .contains("-> group reps-large");
            assertThat(hubspot.get("routingReason").asText()).startsWith("Companies with 11-50 employees")
                    .contains("-> group reps-mid");
            assertThat(timeline(onSalesforce)).anyMatch(line -> line.startsWith("Mon 1 Feb 09:05")
                    && line.contains("LEAD -> MQL"));
        } finally {
            deploy(shipped);
        }
    }

    private long lead(String who, String crm) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " GmbH",
                "employees", 30, "role", "CFO", "wantsContact", true, "customFields", Map.of("crmSystem", crm)));
        runDueJobs(id);
        return id;
    }

    private void deploy(String dmn) {
        repositoryService.createDeployment().name("process-owner-scenario").addInputStream("lead-routing.dmn",
                new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }
}
