package io.leadjourney.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.lead.Journeys;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Nurture, dormancy and revival as a sales team lives them. Each scenario prints the lead's stage timeline (from
 * {@code stage_transition}, with who and why) and asserts on it.
 */
class NurtureScenarioIT extends Scenario {

    @Autowired
    private Journeys journeys;
    @Autowired
    private TransactionTemplate transactions;

    /**
     * Given a lead who asked to be contacted, when sales' discovery call says "needs nurture", then the lead stays
     * in nurture: when 30 days pass without engagement it goes dormant and does not come back to sales on the same
     * hand-raise. When it later asks again on a new form, it is an MQL again.
     */
    @Test
    void aHandRaiseLeadSalesSentBackStaysInNurtureUntilItDoesSomethingNew() {
        String email = uniqueEmail("hand-raise");
        long id = captureLead(handRaise(email));
        runDueJobs(id);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        String rep = accept.getAssignee();
        completeAs(rep, accept, accept());
        completeAs(rep, taskOf(id, TASK_FIRST_CONTACT), Map.of(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED, true,
                VAR_CONTACT_NOTE, "Call booked"));
        completeAs(rep, taskOf(id, TASK_DISCOVERY_CALL), Map.of(VAR_BANT_NEED, true, VAR_BANT_BUDGET, false,
                VAR_BANT_AUTHORITY, false, VAR_BANT_TIMELINE, "LATER", VAR_DISCOVERY_OUTCOME,
                OUTCOME_NEEDS_NURTURE));
        assertThat(stageOf(id)).isEqualTo("NURTURE");

        fireTimer(id, EVENT_NURTURE_INACTIVE);

        List<String> timeline = stages(id);
        assertThat(stageOf(id)).as("timeline %s", timeline).isEqualTo("DORMANT");
        assertThat(timeline).last().asString().contains("NURTURE -> DORMANT").contains("30 days without engagement");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .count()).as("journeys still running").isZero();

        ResponseEntity<JsonNode> again = post(INTEGRATION, "/api/leads", handRaise(email));
        assertThat(again.getStatusCode().value()).as("a known lead's new form: %s", again.getBody()).isEqualTo(200);
        runDueJobs(id);
        assertThat(stageOf(id)).as("a new hand-raise on a later form counts: %s", stages(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD)).isNotNull();
    }

    /**
     * Given a lead in nurture, when it reads a blog post on day 20 (not enough to qualify), then its "30 days
     * without engagement" clock starts again from that day; when it then crosses the threshold, it goes back to
     * sales.
     */
    @Test
    void engagementDuringNurtureRestartsTheInactivityClockAndQualifyingActivityReturnsTheLeadToSales() {
        long id = nurturedLead("Nora", "Slow GmbH");
        Instant entered = now();
        assertThat(inactivityTimer(id).getDuedate().toInstant())
                .isCloseTo(entered.plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));

        Instant day20 = entered.plus(Duration.ofDays(20));
        at(day20);
        JsonNode answer = event(id, "BLOG_POST_READ");
        assertThat(answer.get("stage").asText()).as("one blog post does not qualify").isEqualTo("NURTURE");
        assertThat(inactivityTimer(id).getDuedate().toInstant()).as("the clock starts again on day 20")
                .isCloseTo(day20.plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));

        event(id, "CONTENT_DOWNLOADED");
        JsonNode crossed = event(id, "PRICING_PAGE_VISITED");
        assertThat(crossed.get("reengaged").asBoolean()).as("answer %s", crossed).isTrue();
        runDueJobs(id);
        assertThat(stageOf(id)).as("timeline %s", stages(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD)).isNotNull();
    }

    /**
     * Given a lead that goes quiet in nurture in January, then 30 days later it is dormant and nothing runs for it.
     * When it comes back in July, reads the pricing page and downloads a white paper (enough to qualify as of
     * then), it wakes: a new journey, an MQL routed to a rep, and the rep's task due on the acceptance SLA.
     */
    @Test
    void aDormantLeadWakesMonthsLaterWhenItQualifiesAgain() {
        at("2027-01-04T10:00");
        long id = nurturedLead("Dora", "Sleepy GmbH");

        at("2027-02-03T09:59");
        runDueJobs(id);
        assertThat(stageOf(id)).as("a minute before 30 days").isEqualTo("NURTURE");
        at("2027-02-03T10:00");
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("DORMANT");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .count()).as("nothing runs for a dormant lead").isZero();

        at("2027-07-06T14:00");
        assertThat(event(id, "CONTENT_DOWNLOADED").get("woken").asBoolean()).as("not enough on its own").isFalse();
        JsonNode woken = event(id, "PRICING_PAGE_VISITED");
        assertThat(woken.get("woken").asBoolean()).as("answer %s", woken).isTrue();
        runDueJobs(id);

        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(WHEN.format(accept.getDueDate().toInstant())).as("2 working days on").isEqualTo("Thu 8 Jul 14:00");
        List<String> timeline = timeline(id);
        assertThat(timeline).anyMatch(line -> line.startsWith("Mon 4 Jan 10:00") && line.contains("-> NURTURE"))
                .anyMatch(line -> line.startsWith("Wed 3 Feb 10:00") && line.contains("NURTURE -> DORMANT")
                        && line.contains("30 days without engagement"))
                .anyMatch(line -> line.startsWith("Tue 6 Jul 14:00") && line.contains("DORMANT -> ")
                        && line.contains("by "))
                .anyMatch(line -> line.startsWith("Tue 6 Jul 14:00") && line.contains("notified "
                        + accept.getAssignee()));
        assertThat(stageOf(id)).isEqualTo("MQL");
    }

    /**
     * Given a lead in nurture who opens three e-mails within a minute, then its clock starts again once, from the
     * first; an e-mail opened two minutes later starts it again. A restart whose transaction rolled back is not
     * taken for one: the next event starts the clock.
     */
    @Test
    void aBurstOfEventsStartsTheInactivityClockAgainOnceAMinute() {
        at("2027-03-01T10:00");
        long id = nurturedLead("Bea", "Burst GmbH");

        Instant first = Instant.parse("2027-03-10T09:00:00Z");
        Duration thirtyDays = Duration.ofDays(30);
        for (int seconds : new int[]{0, 20, 50}) {
            at(first.plusSeconds(seconds));
            assertThat(event(id, "EMAIL_OPENED").get("stage").asText()).isEqualTo("NURTURE");
            assertThat(inactivityTimer(id).getDuedate().toInstant()).as("%s s after the first e-mail", seconds)
                    .isEqualTo(first.plus(thirtyDays));
        }
        Instant later = first.plusSeconds(120);
        at(later);
        event(id, "EMAIL_OPENED");
        assertThat(inactivityTimer(id).getDuedate().toInstant()).as("two minutes on").isEqualTo(later.plus(thirtyDays));

        Instant rolledBack = later.plusSeconds(70);
        at(rolledBack);
        transactions.executeWithoutResult(status -> {
            journeys.restartInactivityClock(id);
            status.setRollbackOnly();
        });
        assertThat(inactivityTimer(id).getDuedate().toInstant()).as("rolled back").isEqualTo(later.plus(thirtyDays));
        Instant next = rolledBack.plusSeconds(10);
        at(next);
        event(id, "EMAIL_OPENED");
        assertThat(inactivityTimer(id).getDuedate().toInstant()).as("after a rolled-back restart")
                .isEqualTo(next.plus(thirtyDays));
    }

    private static Map<String, Object> handRaise(String email) {
        return Map.of("email", email, "firstName", "Hana", "company", "Raise Ltd", "employees", 30, "role", "CFO",
                "wantsContact", true);
    }

    private Job inactivityTimer(long id) {
        return managementService.createJobQuery().processInstanceId(journeyOf(id).getId())
                .activityId(EVENT_NURTURE_INACTIVE).timers().singleResult();
    }

    private List<String> stages(long id) {
        return StageTimeline.of(jdbc, id);
    }
}
