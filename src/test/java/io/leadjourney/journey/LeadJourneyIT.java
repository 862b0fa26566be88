package io.leadjourney.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.notification.NotificationRepository;
import io.leadjourney.opportunity.Opportunity;
import io.leadjourney.opportunity.OpportunityRepository;
import io.leadjourney.sla.TeamCalendar;
import io.leadjourney.sla.Sla;
import io.leadjourney.sla.SlaBreach;
import io.leadjourney.sla.SlaBreachRepository;
import io.leadjourney.sla.WorkingTime;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The journey as users live it: a marketing system posts, the engine scores and routes, reps work the tasks with
 * their own authorizations, timers fire; asserted through the API, the stage log and the engine.
 */
class LeadJourneyIT extends IntegrationTest {

    @Autowired
    private SlaBreachRepository breaches;
    @Autowired
    private FilterService filterService;
    @Autowired
    private NotificationRepository notifications;
    @Autowired
    private OpportunityRepository opportunities;
    @Autowired
    private TeamCalendar calendar;

    private static Map<String, Object> lead(String who, Integer employees, boolean handRaise) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", uniqueEmail(who));
        lead.put("firstName", who);
        lead.put("lastName", "Tester");
        lead.put("company", who + " GmbH");
        lead.put("employees", employees);
        lead.put("industry", "Software");
        lead.put("role", "CTO");
        lead.put("country", "Germany");
        lead.put("source", "web form");
        lead.put("wantsContact", handRaise);
        return lead;
    }

    @Test
    void handRaiseIsRoutedByBandAcceptedContactedAndHandedToSalesAsSql() {
        long id = captureLead(lead("happy", 20, true));
        runDueJobs(id);

        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(accept.getAssignee()).isEqualTo("rep-b");
        assertThat(accept.getDueDate()).as("due date = acceptance SLA deadline").isNotNull();
        assertThat(lead(id).get("stage").asText()).isEqualTo("MQL");
        assertThat(lead(id).get("routingReason").asText()).contains("11-50").contains("rep-b");
        assertThat(notifications.findByLeadIdOrderByIdAsc(id)).extracting("recipient").contains("rep-b");
        assertThat(taskService.getVariable(accept.getId(), VAR_SCORE_RECEIPT).toString())
                .contains("Hand-raise");
        assertThat(taskService.getVariable(accept.getId(), VAR_COMPANY)).isEqualTo("happy GmbH");

        completeAs("rep-b", accept, accept());
        assertThat(stageOf(id)).isEqualTo("SAL");

        completeAs("rep-b", taskOf(id, TASK_FIRST_CONTACT), Map.of(VAR_CONTACT_CHANNEL, "CALL",
                VAR_LEAD_REACHED, true, VAR_CONTACT_NOTE, "Call booked"));
        completeAs("rep-b", taskOf(id, TASK_DISCOVERY_CALL), Map.of(VAR_BANT_NEED, true, VAR_BANT_BUDGET, true,
                VAR_BANT_AUTHORITY, true, VAR_BANT_TIMELINE, "WITHIN_3_MONTHS", VAR_DISCOVERY_OUTCOME, OUTCOME_READY));

        JsonNode sql = lead(id);
        assertThat(sql.get("stage").asText()).isEqualTo("SQL");
        assertThat(sql.get("timeline").findValuesAsText("to")).containsExactly("LEAD", "MQL", "SAL", "SQL");
        assertThat(sql.get("timeline").get(2).get("by").asText()).isEqualTo("rep-b");
        assertThat(sql.get("timeline").get(3).get("by").asText()).isEqualTo("rep-b");
        Opportunity opportunity = opportunities.findByLeadId(id).orElseThrow();
        assertThat(opportunity.getEstimatedValue()).isEqualByComparingTo(new BigDecimal("12000"));
        assertThat(opportunity.getTemperature()).isEqualTo("HOT");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).count())
                .isZero();
    }

    /** The lead engaged after its task was created: the form shows the score and activity of now. */
    @Test
    void theFormShowsTheLeadAsItIsWhenTheRepOpensIt() {
        long id = captureLead(lead("engaging", 20, true));
        runDueJobs(id);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        String formVariables = "/engine-rest/task/" + accept.getId() + "/form-variables";
        int scoreAtRouting = get("rep-b", formVariables).getBody().get(VAR_SCORE).get("value").asInt();

        JsonNode event = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "PRICING_PAGE_VISITED", "occurredAt", Instant.now().toString())).getBody();
        int scoreNow = event.get("score").asInt();
        assertThat(scoreNow).isGreaterThan(scoreAtRouting);

        ResponseEntity<JsonNode> opened = get("rep-b", formVariables);
        assertThat(opened.getStatusCode().value()).isEqualTo(200);
        assertThat(opened.getBody().get(VAR_SCORE).get("value").asInt()).isEqualTo(scoreNow);
        assertThat(opened.getBody().get(VAR_SCORE).get("type").asText()).isEqualTo("Integer");
        assertThat(opened.getBody().get(VAR_SCORE_RECEIPT).get("value").asText()).contains("pricing page");
        assertThat(opened.getBody().get(VAR_RECENT_ACTIVITY).get("value").asText()).contains("Pricing page visited");
        assertThat(opened.getBody().get(VAR_COMPANY).get("value").asText()).isEqualTo("engaging GmbH");
        // Only the variables asked for, as engine-rest answers.
        assertThat(get("rep-b", formVariables + "?variableNames=" + VAR_SCORE).getBody().size()).isEqualTo(1);
        JsonNode two = get("rep-b", formVariables + "?variableNames=" + VAR_EMAIL + "," + VAR_SCORE).getBody();
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(VAR_EMAIL).get("value").asText()).startsWith("engaging-").endsWith("@it.example");
        assertThat(runtimeService.getVariables(accept.getProcessInstanceId())).as("the journey keeps no copy of the"
                + " lead's context").doesNotContainKeys(VAR_EMAIL, VAR_RECENT_ACTIVITY, VAR_STATED_PROBLEM, VAR_PHONE);
        assertThat(taskService.getVariable(accept.getId(), VAR_SCORE)).as("the engine's variable is not written")
                .isEqualTo(scoreAtRouting);
        assertThat(get("rep-a", formVariables).getStatusCode().value()).as("another rep's task").isEqualTo(403);
    }

    /** A rep added or deactivated after the Reassign task was created: the manager's form shows the reps of now. */
    @Test
    void theReassignFormListsTheRepsActiveWhenTheManagerOpensIt() {
        long id = captureLead(lead("reassigned", 30, true));
        runDueJobs(id);
        fireTimer(id, TIMER_ACCEPT_ESCALATION);
        Task reassign = taskOf(id, TASK_REASSIGN_LEAD);
        String filter = "/engine-rest/filter/" + filterService.createFilterQuery()
                .filterName("Leads to reassign").singleResult().getId();
        assertThat(get("manager", filter + "/list?maxResults=500").getBody().findValuesAsText("id"))
                .as("the managers' Tasklist filter").contains(reassign.getId());
        assertThat(get("rep-b", filter).getStatusCode().value()).as("not a rep's filter").isEqualTo(403);
        String formVariables = "/engine-rest/task/" + reassign.getId() + "/form-variables";
        assertThat(activeRepsShown("manager", formVariables)).contains("(rep-a)");

        String newcomer = newRep("newcomer-" + id, "reps-apac", null);
        assertThat(activeRepsShown("manager", formVariables)).contains("(" + newcomer + ")");
        assertThat(taskService.getVariable(reassign.getId(), VAR_ACTIVE_REPS).toString())
                .as("the engine's variable is not written").doesNotContain(newcomer);

        deactivateRepsOf("reps-apac");
        assertThat(activeRepsShown("manager", formVariables)).doesNotContain(newcomer).contains("(rep-a)");
    }

    private String activeRepsShown(String user, String formVariables) {
        ResponseEntity<JsonNode> answer = get(user, formVariables);
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(200);
        return answer.getBody().get(VAR_ACTIVE_REPS).get("value").asText();
    }

    @Test
    void slaTimersAndTheTaskDueDateCountBusinessDays() {
        long id = captureLead(lead("deadline", 20, true));
        runDueJobs(id);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        WorkingTime workingTime = new WorkingTime(calendar);
        Instant created = accept.getCreateTime().toInstant();

        assertThat(accept.getDueDate().toInstant()).as("due date = the acceptance SLA, two business days")
                .isCloseTo(workingTime.plus(created, "P2D"), within(2, ChronoUnit.SECONDS));
        assertThat(timerDue(id, TIMER_ACCEPT_REMINDER)).as("reminder after one business day")
                .isCloseTo(workingTime.plus(created, "P1D"), within(2, ChronoUnit.SECONDS));
        assertThat(timerDue(id, TIMER_ACCEPT_ESCALATION)).isCloseTo(accept.getDueDate().toInstant(),
                within(2, ChronoUnit.SECONDS));
        assertThat(calendar.hoursOn(LocalDateTime.ofInstant(accept.getDueDate().toInstant(), calendar.zone())
                .toLocalDate())).as("never due on a day off").isPresent();

        completeAs(accept.getAssignee(), accept, accept());
        Task contact = taskOf(id, TASK_FIRST_CONTACT);
        assertThat(contact.getDueDate().toInstant()).as("first-contact SLA from the acceptance")
                .isCloseTo(workingTime.plus(contact.getCreateTime().toInstant(), "P2D"), within(2, ChronoUnit.SECONDS));
        assertThat(timerDue(id, TIMER_FIRST_CONTACT_REMINDER))
                .isCloseTo(workingTime.plus(contact.getCreateTime().toInstant(), "P1D"), within(2, ChronoUnit.SECONDS));
    }

    private Instant timerDue(long leadId, String timerActivityId) {
        Job timer = managementService.createJobQuery().processInstanceId(journeyOf(leadId).getId())
                .activityId(timerActivityId).timers().singleResult();
        assertThat(timer).as("timer %s", timerActivityId).isNotNull();
        return timer.getDuedate().toInstant();
    }

    /**
     * The SQL gate: "ready" with a need but neither budget nor authority is refused with a 400 naming the outcome and
     * saying what is missing (the rep's form shows it); the lead stays in SAL. With authority it becomes an SQL.
     */
    @Test
    void readyWithoutBudgetOrAuthorityIsRefusedByTheSqlGate() {
        long id = captureLead(lead("gate", 20, true));
        runDueJobs(id);
        completeAs("rep-b", taskOf(id, TASK_ACCEPT_LEAD), accept());
        completeAs("rep-b", taskOf(id, TASK_FIRST_CONTACT), Map.of(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED,
                true, VAR_CONTACT_NOTE, "Call booked"));
        Task discovery = taskOf(id, TASK_DISCOVERY_CALL);

        ResponseEntity<JsonNode> refused = completeOverRest(discovery, false);
        assertThat(refused.getStatusCode().value()).as("answer %s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo(VAR_DISCOVERY_OUTCOME);
        assertThat(refused.getBody().toString()).contains("budget or the authority to buy");
        assertThat(stageOf(id)).isEqualTo("SAL");
        assertThat(taskOf(id, TASK_DISCOVERY_CALL).getId()).isEqualTo(discovery.getId());

        ResponseEntity<JsonNode> passed = completeOverRest(discovery, true);
        assertThat(passed.getStatusCode().value()).as("answer %s", passed.getBody()).isEqualTo(204);
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("SQL");
    }

    private ResponseEntity<JsonNode> completeOverRest(Task discovery, boolean authority) {
        return post("rep-b", "/engine-rest/task/" + discovery.getId() + "/complete", Map.of("variables", Map.of(
                VAR_BANT_NEED, Map.of("value", true), VAR_BANT_BUDGET, Map.of("value", false),
                VAR_BANT_AUTHORITY, Map.of("value", authority), VAR_BANT_TIMELINE, Map.of("value", "LATER"),
                VAR_DISCOVERY_OUTCOME, Map.of("value", OUTCOME_READY))));
    }

    @Test
    void repSeesOnlyTheirOwnTasks() {
        long id = captureLead(lead("mine", 200, true));
        runDueJobs(id);
        Task task = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(task.getAssignee()).isEqualTo("rep-c");

        List<Long> seenByRepA = new ArrayList<>();
        List<Long> seenByRepC = new ArrayList<>();
        asUser("rep-a", () -> seenByRepA.add(taskService.createTaskQuery().taskId(task.getId()).count()));
        asUser("rep-c", () -> seenByRepC.add(taskService.createTaskQuery().taskId(task.getId()).count()));

        assertThat(seenByRepA).containsExactly(0L);
        assertThat(seenByRepC).containsExactly(1L);
    }

    @Test
    void rejectionAsNotAFitDisqualifiesWithTheReasonInTheTimeline() {
        long id = captureLead(lead("reject", 5, true));
        runDueJobs(id);

        completeAs("rep-a", taskOf(id, TASK_ACCEPT_LEAD), Map.of(VAR_ACCEPT_DECISION, DECISION_REJECT,
                VAR_REJECT_REASON, "NOT_A_FIT", VAR_REJECT_NOTE, "Agency, resells only"));

        JsonNode rejected = lead(id);
        assertThat(rejected.get("stage").asText()).isEqualTo("DISQUALIFIED");
        assertThat(rejected.get("timeline").findValuesAsText("to")).containsExactly("LEAD", "MQL", "REJECTED",
                "DISQUALIFIED");
        assertThat(rejected.get("timeline").get(2).get("reason").asText()).isEqualTo("NOT_A_FIT: Agency, resells only");
    }

    @Test
    void nurturedLeadCrossingTheThresholdGoesBackIntoItsJourney() {
        long id = captureLead(lead("nurture", 20, false));
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("NURTURE");
        assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(String.valueOf(id))
                .activityId(GATEWAY_AWAIT_ENGAGEMENT).count()).isEqualTo(1);

        JsonNode first = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "CONTENT_DOWNLOADED", "occurredAt", java.time.Instant.now().toString())).getBody();
        assertThat(first.get("reengaged").asBoolean()).isFalse();
        JsonNode second = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "PRICING_PAGE_VISITED", "occurredAt", java.time.Instant.now().toString())).getBody();
        assertThat(second.get("qualified").asBoolean()).isTrue();
        assertThat(second.get("reengaged").asBoolean()).isTrue();

        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-b");
        assertThat(lead(id).get("recycleCount").asInt()).isEqualTo(1);
    }

    @Test
    void nurturedLeadRaisingItsHandOnANewFormGoesBackIntoItsJourney() {
        Map<String, Object> form = lead("hand", 20, false);
        long id = captureLead(form);
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("NURTURE");

        form.put("wantsContact", true);
        JsonNode again = post(INTEGRATION, "/api/leads", form).getBody();
        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(again.get("qualified").asBoolean()).isTrue();
        runDueJobs(id);

        assertThat(stageOf(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-b");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).count())
                .as("the same journey carries on").isEqualTo(1);
    }

    @Test
    void silentNurturedLeadGoesDormantAndWakesUpWithANewJourney() {
        long id = captureLead(lead("dormant", 300, false));
        runDueJobs(id);
        fireTimer(id, EVENT_NURTURE_INACTIVE);
        assertThat(stageOf(id)).isEqualTo("DORMANT");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).count())
                .isZero();

        JsonNode woken = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", "TRIAL_STARTED", "occurredAt", java.time.Instant.now().toString())).getBody();
        assertThat(woken.get("woken").asBoolean()).isTrue();
        runDueJobs(id);

        assertThat(stageOf(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-c");
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(id)).count()).isEqualTo(2);
    }

    @Test
    void acceptEscalationRecordsTheBreachRaisesAnIncidentAndReroutesPastTheLapsedRep() {
        long id = captureLead(lead("escalate", null, true));
        runDueJobs(id);
        String lapsed = taskOf(id, TASK_ACCEPT_LEAD).getAssignee();
        assertThat(lapsed).startsWith("rep-");

        fireTimer(id, TIMER_ACCEPT_ESCALATION);

        List<SlaBreach> recorded = breaches.findByLeadIdOrderByIdAsc(id);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).getSla()).isEqualTo(Sla.ACCEPT_LEAD);
        assertThat(recorded.get(0).getRepId()).isEqualTo(lapsed);
        String pid = journeyOf(id).getId();
        List<Incident> open = runtimeService.createIncidentQuery().processInstanceId(pid)
                .incidentType(INCIDENT_SLA_BREACH).list();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).getIncidentMessage()).contains(String.valueOf(id)).contains(lapsed);
        assertThat(open.get(0).getActivityId()).as("Cockpit shows it on the task where the lead waits")
                .isEqualTo(TASK_ACCEPT_LEAD);
        assertThat(notifications.findByLeadIdOrderByIdAsc(id)).extracting("recipient").contains("managers");

        Task rerouted = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(rerouted.getAssignee()).isNotNull().isNotEqualTo(lapsed);
        assertThat(lead(id).get("routingReason").asText()).contains("skipped " + lapsed);

        completeAs(rerouted.getAssignee(), rerouted, accept());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count())
                .as("the breach incident is resolved once the lead is accepted").isZero();
    }

    @Test
    void firstContactBreachIsAnIncidentOnTheWaitingTaskUntilContactIsMade() {
        long id = captureLead(lead("contact", 60, true));
        runDueJobs(id);
        completeAs("rep-c", taskOf(id, TASK_ACCEPT_LEAD), accept());

        fireTimer(id, TIMER_FIRST_CONTACT_REMINDER);
        fireTimer(id, TIMER_FIRST_CONTACT_BREACH);

        assertThat(breaches.findByLeadIdOrderByIdAsc(id)).extracting(SlaBreach::getSla)
                .containsExactly(Sla.FIRST_CONTACT);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(journeyOf(id).getId())
                .incidentType(INCIDENT_SLA_BREACH).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_FIRST_CONTACT);
        Task contact = taskOf(id, TASK_FIRST_CONTACT);
        completeAs("rep-c", contact, Map.of(VAR_CONTACT_CHANNEL, "EMAIL", VAR_LEAD_REACHED, false));
        assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
        assertThat(taskOf(id, TASK_CONTACT_ATTEMPT).getAssignee()).isEqualTo("rep-c");
    }

    @Test
    void roundRobinSharesLeadsOfUnknownSizeEvenlyAcrossTheReps() {
        Map<String, Integer> perRep = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            long id = captureLead(lead("rotation" + i, null, true));
            runDueJobs(id);
            perRep.merge(taskOf(id, TASK_ACCEPT_LEAD).getAssignee(), 1, Integer::sum);
        }
        assertThat(perRep).containsOnlyKeys("rep-a", "rep-b", "rep-c").containsValues(2, 2, 2);
    }
}
