package io.leadjourney.scenario;

import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Nurture, dormancy and revival as a sales team lives them. Each scenario prints the lead's stage timeline (from
 * {@code stage_transition}, with who and why) and asserts on it.
 */
class NurtureScenarioIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
    }

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

        List<String> timeline = timeline(id);
        assertThat(stageOf(id)).as("timeline %s", timeline).isEqualTo("DORMANT");
        assertThat(timeline).last().asString().contains("NURTURE -> DORMANT").contains("30 days without engagement");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .count()).as("journeys still running").isZero();

        ResponseEntity<JsonNode> again = post(INTEGRATION, "/api/leads", handRaise(email));
        assertThat(again.getStatusCode().value()).as("a known lead's new form: %s", again.getBody()).isEqualTo(200);
        runDueJobs(id);
        assertThat(stageOf(id)).as("a new hand-raise on a later form counts: %s", timeline(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD)).isNotNull();
    }

    /**
     * Given a lead in nurture, when it reads a blog post on day 20 (not enough to qualify), then its "30 days
     * without engagement" clock starts again from that day; when it then crosses the threshold, it goes back to
     * sales.
     */
    @Test
    void engagementDuringNurtureRestartsTheInactivityClockAndQualifyingActivityReturnsTheLeadToSales() {
        long id = captureLead(Map.of("email", uniqueEmail("nurtured"), "firstName", "Nora", "company",
                "Slow GmbH", "employees", 20, "role", "CTO", "industry", "Software"));
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("NURTURE");
        Instant entered = Instant.now();
        assertThat(inactivityTimer(id).getDuedate().toInstant())
                .isCloseTo(entered.plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));

        Instant day20 = entered.plus(Duration.ofDays(20));
        ClockUtil.setCurrentTime(Date.from(day20));
        JsonNode answer = event(id, "BLOG_POST_READ");
        assertThat(answer.get("stage").asText()).as("one blog post does not qualify").isEqualTo("NURTURE");
        assertThat(inactivityTimer(id).getDuedate().toInstant()).as("the clock starts again on day 20")
                .isCloseTo(day20.plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));

        event(id, "CONTENT_DOWNLOADED");
        JsonNode crossed = event(id, "PRICING_PAGE_VISITED");
        assertThat(crossed.get("reengaged").asBoolean()).as("answer %s", crossed).isTrue();
        runDueJobs(id);
        assertThat(stageOf(id)).as("timeline %s", timeline(id)).isEqualTo("MQL");
        assertThat(taskOf(id, TASK_ACCEPT_LEAD)).isNotNull();
    }

    private static Map<String, Object> handRaise(String email) {
        return Map.of("email", email, "firstName", "Hana", "company", "Raise Ltd", "employees", 30, "role", "CFO",
                "wantsContact", true);
    }

    private JsonNode event(long id, String type) {
        ResponseEntity<JsonNode> answer = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", type, "occurredAt", Instant.now().toString()));
        assertThat(answer.getStatusCode().value()).as("event answer %s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private Job inactivityTimer(long id) {
        return managementService.createJobQuery().processInstanceId(journeyOf(id).getId())
                .activityId(EVENT_NURTURE_INACTIVE).timers().singleResult();
    }

    private List<String> timeline(long id) {
        return StageTimeline.of(jdbc, id);
    }
}
