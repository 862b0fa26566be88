package io.leadjourney.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.DmnEdit;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sales ops changes a rule in Modeler, deploys it, and the next lead follows: no release, no restart. Marketing
 * and sales sign the definition each quarter.
 */
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

    /**
     * Given marketing starts a podcast, when on Monday at 10:00 sales ops adds PODCAST_LISTENED (20 points) to
     * engagement-points.dmn and deploys it, then a nurtured lead that listens on Tuesday at 11:00 is scored for it,
     * and when it looks at the pricing page at 11:30 it qualifies and goes back to sales.
     */
    @Test
    void aBehaviourSalesOpsAddsBringsANurturedLeadBackToSales() throws IOException {
        at("2027-03-01T09:00");
        long id = nurturedLead("Lis", "Tener GmbH");
        String shipped = DmnEdit.shipped("engagement-points");
        String firstRule = "      <rule id=\"Rule_engagement_points_1\">";
        assertThat(shipped).contains(firstRule);
        at("2027-03-01T10:00");
        deployPoints(shipped.replace(firstRule, """
                      <rule id="Rule_podcast">
                        <description>An episode of our podcast listened to the end</description>
                        <inputEntry id="InputEntry_podcast_type"><text>"PODCAST_LISTENED"</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_page"><text>-</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_asset"><text>-</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_campaign"><text>-</text></inputEntry>
                        <inputEntry id="InputEntry_podcast_seconds"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_podcast_points"><text>20</text></outputEntry>
                        <outputEntry id="OutputEntry_podcast_group"><text>"content"</text></outputEntry>
                        <outputEntry id="OutputEntry_podcast_reason"><text>"Listened to a podcast episode"</text></outputEntry>
                      </rule>
                """ + firstRule));
        try {
            at("2027-03-02T11:00");
            JsonNode listened = event(id, "PODCAST_LISTENED");
            assertThat(listened.get("engagementScore").asInt()).isEqualTo(20);
            assertThat(listened.get("stage").asText()).as("not enough on its own").isEqualTo("NURTURE");
            at("2027-03-02T11:30");
            assertThat(event(id, "PRICING_PAGE_VISITED").get("reengaged").asBoolean()).isTrue();
            runDueJobs(id);
            assertThat(stageOf(id)).isEqualTo("MQL");
            assertThat(timeline(id)).anyMatch(line -> line.startsWith("Tue 2 Mar 11:30") && line.contains("-> MQL"));
            assertThat(get(INTEGRATION, "/api/leads/" + id + "/score").getBody().toString())
                    .contains("Listened to a podcast episode");
        } finally {
            deployPoints(shipped);
        }
    }

    /**
     * Given the team moves to Berlin and closes at 13:00 on Fridays, when sales ops deploy working-calendar.dmn on
     * Thursday 4 February at 15:30 UTC, then a hand-raise at 16:00 UTC (17:00 in Berlin) gets its reminder at
     * Friday's closing, 13:00 Berlin, and is due Monday 17:00 Berlin; a lead routed at 15:00, before the change,
     * keeps the deadlines of the UTC calendar it started under.
     */
    @Test
    void aNewWorkingCalendarCountsForTheNextLeadsDeadlines() throws IOException {
        at("2027-02-04T15:00");
        long before = lead("before", "None");
        assertThat(timerDue(before, LeadJourney.TIMER_ACCEPT_REMINDER)).isEqualTo("Fri 5 Feb 15:00");

        at("2027-02-04T15:30");
        String shipped = DmnEdit.shipped(DecisionKeys.WORKING_CALENDAR);
        assertThat(shipped).contains("<text>\"UTC\"</text>");
        deploy(DecisionKeys.WORKING_CALENDAR, DmnEdit.withFirstRule(shipped, DecisionKeys.WORKING_CALENDAR,
                "Fridays end at 13:00", List.of("-", "-", "\"FRIDAY\""), "\"09:00\"", "\"13:00\"")
                .replace("<text>\"UTC\"</text>", "<text>\"Europe/Berlin\"</text>"));

        at("2027-02-04T16:00");
        long after = lead("after", "None");
        Task accept = taskOf(after, LeadJourney.TASK_ACCEPT_LEAD);
        System.out.println("Deadlines under the Berlin calendar (UTC): reminder "
                + timerDue(after, LeadJourney.TIMER_ACCEPT_REMINDER) + ", due " + WHEN.format(accept.getDueDate()
                .toInstant()));
        assertThat(timerDue(after, LeadJourney.TIMER_ACCEPT_REMINDER)).isEqualTo("Fri 5 Feb 12:00");
        assertThat(WHEN.format(accept.getDueDate().toInstant())).isEqualTo("Mon 8 Feb 16:00");
        assertThat(timerDue(before, LeadJourney.TIMER_ACCEPT_REMINDER)).as("started under the old calendar")
                .isEqualTo("Fri 5 Feb 15:00");
    }

    private String timerDue(long id, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(journeyOf(id).getId())
                .activityId(activityId).timers().singleResult();
        assertThat(timer).as("timer %s of lead %s", activityId, id).isNotNull();
        return WHEN.format(timer.getDuedate().toInstant());
    }

    /**
     * Given the quarter begins on Thursday 1 April at 08:00, then both sides get a task to confirm the definition in
     * use; marketing signs that morning, sales on Friday afternoon, and the receipt of a lead captured the next
     * Monday names both and the Friday they completed it.
     */
    @Test
    void eachQuarterMarketingAndSalesSignTheDefinitionInUseAndReceiptsSayWhen() {
        at("2027-04-01T08:00");
        Job quarter = managementService.createJobQuery().processDefinitionKey("definition-review").timers()
                .singleResult();
        managementService.executeJob(quarter.getId());
        long review = jdbc.queryForObject("select max(id) from definition_review where opened_by = 'system'",
                Long.class);
        at("2027-04-01T10:00");
        sign(review, "UserTask_MarketingSigns", "marketing", "marketingDecision");
        at("2027-04-02T15:00");
        sign(review, "UserTask_SalesSigns", "manager", "salesDecision");

        at("2027-04-05T09:00");
        long id = lead("receipt", "None");
        JsonNode signature = findBy(get(INTEGRATION, "/api/leads/" + id + "/score").getBody().get("signatures"),
                "table", "mql-qualification");
        System.out.println("Signature on the receipt of lead " + id + ": " + signature);
        assertThat(signature.get("marketing").asText()).isEqualTo("marketing");
        assertThat(signature.get("sales").asText()).isEqualTo("manager");
        assertThat(signature.get("signedAt").asText()).isEqualTo("2027-04-02T15:00:00Z");
    }

    private void sign(long review, String taskKey, String user, String decision) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(review))
                .taskDefinitionKey(taskKey).singleResult();
        asUser(user, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), Map.of(decision, "SIGN"));
        });
    }

    private void deployPoints(String dmn) {
        repositoryService.createDeployment().name("process-owner-scenario").addInputStream("engagement-points.dmn",
                new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    private long lead(String who, String crm) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " GmbH",
                "employees", 30, "role", "CFO", "wantsContact", true, "customFields", Map.of("crmSystem", crm)));
        runDueJobs(id);
        return id;
    }

    private void deploy(String dmn) {
        deploy(DecisionKeys.LEAD_ROUTING, dmn);
    }

    private void deploy(String decisionKey, String dmn) {
        repositoryService.createDeployment().name("process-owner-scenario").addInputStream(decisionKey + ".dmn",
                new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }
}
