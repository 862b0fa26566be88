package io.leadjourney.scenario;

import io.leadjourney.IntegrationTest;
import io.leadjourney.TestWebhookServer;
import io.leadjourney.journey.HandOffWebhook;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where sales sends a lead, each way it can go: the contact cadence used up or run out, the discovery call's three
 * outcomes, and each reason a rep may reject a lead for. Each scenario prints the lead's stage timeline.
 */
class SalesOutcomesScenarioIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    /** Three calls and three e-mails without reaching the lead: the contract is used up, the lead goes to nurture. */
    @Test
    void theContractUsedUpSendsAnUnreachedLeadBackToNurture() {
        long id = accepted("used-up");
        String[] channels = {"CALL", "EMAIL", "CALL", "EMAIL", "CALL", "EMAIL"};
        for (int attempt = 0; attempt < channels.length; attempt++) {
            Task task = taskOf(id, attempt == 0 ? TASK_FIRST_CONTACT : TASK_CONTACT_ATTEMPT);
            completeAs(task.getAssignee(), task, Map.of(VAR_CONTACT_CHANNEL, channels[attempt], VAR_LEAD_REACHED,
                    false, VAR_CONTACT_NOTE, "Attempt " + (attempt + 1)));
        }
        assertThat(stageOf(id)).isEqualTo("NURTURE");
        assertThat(timeline(id)).last().asString().contains("SAL -> NURTURE").contains("UNRESPONSIVE");
        assertThat(jdbc.queryForObject("select count(*) from contact_attempt where lead_id = ?", Integer.class, id))
                .isEqualTo(6);
    }

    /** The cadence window runs out before the lead is reached: back to nurture, with that reason. */
    @Test
    void theCadenceWindowRunningOutSendsTheLeadBackToNurture() {
        long id = accepted("window");
        Task first = taskOf(id, TASK_FIRST_CONTACT);
        completeAs(first.getAssignee(), first, Map.of(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED, false,
                VAR_CONTACT_NOTE, "No answer"));
        fireTimer(id, TIMER_CADENCE_EXPIRED);
        assertThat(stageOf(id)).isEqualTo("NURTURE");
        assertThat(timeline(id)).last().asString().contains("SAL -> NURTURE").contains("CADENCE_EXPIRED");
    }

    /** "Ready" (need and budget): an SQL, an opportunity, and one signed hand-off webhook to the CRM. */
    @Test
    void discoveryReadyMakesAnSqlAndSendsTheHandOffWebhook() {
        long id = reached("ready");
        discovery(id, true, true, false, OUTCOME_READY);
        assertThat(stageOf(id)).isEqualTo("SQL");
        assertThat(jdbc.queryForObject("select count(*) from opportunity where lead_id = ?", Integer.class, id))
                .isEqualTo(1);
        runtimeService.createProcessInstanceQuery().processDefinitionKey(HandOffWebhook.PROCESS_ID)
                .variableValueEquals(VAR_LEAD_ID, id).list()
                .forEach(delivery -> managementService.createJobQuery().processInstanceId(delivery.getId()).list()
                        .forEach(job -> managementService.executeJob(job.getId())));
        assertThat(TestWebhookServer.receivedFor(id)).singleElement()
                .satisfies(request -> assertThat(request.header("X-LeadJourney-Event")).isEqualTo("lead.sql"));
        assertThat(timeline(id)).last().asString().contains("SAL -> SQL");
    }

    @Test
    void discoveryNeedsNurtureAndSuspectGoWhereTheySay() {
        long later = reached("needs-nurture");
        discovery(later, true, false, false, OUTCOME_NEEDS_NURTURE);
        assertThat(stageOf(later)).isEqualTo("NURTURE");
        assertThat(timeline(later)).last().asString().contains("DISCOVERY_NEEDS_NURTURE");

        long suspect = reached("suspect");
        discovery(suspect, false, false, false, OUTCOME_SUSPECT);
        assertThat(stageOf(suspect)).isEqualTo("DISQUALIFIED");
    }

    /** Each reason a rep may give for rejecting a lead, and where it takes the lead. */
    @ParameterizedTest
    @CsvSource({"NEEDS_NURTURING, NURTURE", "NOT_NOW, NURTURE", "NOT_A_FIT, DISQUALIFIED",
            "BAD_DATA, DISQUALIFIED", "DUPLICATE, DISQUALIFIED"})
    void aRejectedLeadGoesWhereItsReasonSays(String reason, String stage) {
        long id = routed("reject-" + reason.toLowerCase());
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        completeAs(accept.getAssignee(), accept, Map.of(VAR_ACCEPT_DECISION, DECISION_REJECT, VAR_REJECT_REASON,
                reason, VAR_REJECT_NOTE, "Seen at the fair"));
        assertThat(stageOf(id)).isEqualTo(stage);
        List<String> timeline = timeline(id);
        assertThat(timeline).anyMatch(line -> line.contains("MQL -> REJECTED") && line.contains(reason));
    }

    private long routed(String who) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " Ltd",
                "employees", 30, "role", "CFO", "wantsContact", true, "phone", "+44 20 7946 0001"));
        runDueJobs(id);
        return id;
    }

    private long accepted(String who) {
        long id = routed(who);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        completeAs(accept.getAssignee(), accept, accept());
        return id;
    }

    private long reached(String who) {
        long id = accepted(who);
        Task first = taskOf(id, TASK_FIRST_CONTACT);
        completeAs(first.getAssignee(), first, Map.of(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED, true,
                VAR_CONTACT_NOTE, "Call booked"));
        return id;
    }

    private void discovery(long id, boolean need, boolean budget, boolean authority, String outcome) {
        Task call = taskOf(id, TASK_DISCOVERY_CALL);
        completeAs(call.getAssignee(), call, Map.of(VAR_BANT_NEED, need, VAR_BANT_BUDGET, budget,
                VAR_BANT_AUTHORITY, authority, VAR_BANT_TIMELINE, "WITHIN_12_MONTHS", VAR_DISCOVERY_OUTCOME, outcome));
    }

    private List<String> timeline(long id) {
        return StageTimeline.of(jdbc, id);
    }
}
