package io.leadjourney.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.DmnEdit;
import io.leadjourney.IntegrationTest;
import io.leadjourney.decision.DecisionKeys;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead's weeks on one clock for the engine and the application: Camunda's {@code ClockUtil}, which the
 * application's {@link java.time.Clock} reads, moved by the scenario with {@link #at}. The team works as the shipped
 * {@code working-calendar.dmn} says, Monday to Friday, 09:00 to 17:00 UTC, and sales ops have made 24 and 25
 * December 2026 holidays (a rule deployed before each scenario, the shipped table deployed again after). Each
 * scenario prints the lead's timeline (stage changes with who and why, notifications, SLA breaches) and asserts on
 * it. All scenarios share one application context.
 */
abstract class Scenario extends IntegrationTest {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private RepositoryService repositoryService;

    @BeforeEach
    void salesOpsDeclareChristmas() throws IOException {
        deployCalendar(DmnEdit.withFirstRule(DmnEdit.shipped(DecisionKeys.WORKING_CALENDAR),
                DecisionKeys.WORKING_CALENDAR, "Christmas Eve and Christmas Day",
                List.of("\"2026-12-24\",\"2026-12-25\"", "-", "-"), "", ""));
    }

    @AfterEach
    void clockBackToNowAndTheShippedCalendar() throws IOException {
        ClockUtil.reset();
        deployCalendar(DmnEdit.shipped(DecisionKeys.WORKING_CALENDAR));
    }

    private void deployCalendar(String dmn) {
        repositoryService.createDeployment().name("scenario-calendar").addInputStream(DecisionKeys.WORKING_CALENDAR
                + ".dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    /** Moves the one clock to a UTC minute, such as {@code 2026-12-04T18:30}. */
    static void at(String utc) {
        at(Instant.parse(utc + ":00Z"));
    }

    /** Moves the one clock to the moment. */
    static void at(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** A lead who fits but has done nothing yet (a CTO of 20 at a software company): scored, it waits in nurture. */
    long nurturedLead(String who, String company) {
        long id = captureLead(Map.of("email", uniqueEmail(who.toLowerCase()), "firstName", who, "company", company,
                "employees", 20, "role", "CTO", "industry", "Software"));
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("NURTURE");
        return id;
    }

    /** The lead does something, now on the one clock; answers what the API answered. */
    JsonNode event(long id, String type) {
        ResponseEntity<JsonNode> answer = post(INTEGRATION, "/api/leads/" + id + "/events",
                Map.of("type", type, "occurredAt", now().toString()));
        assertThat(answer.getStatusCode().value()).as("event answer %s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    /** What happened to the lead, in order: stage changes, notifications and breaches. Printed for the reader. */
    List<String> timeline(long id) {
        List<String> lines = new ArrayList<>(jdbc.query("select changed_at, from_stage || ' -> ' || to_stage || ' by '"
                + " || changed_by || ' (' || coalesce(reason, '') || ')' from stage_transition where lead_id = ?"
                + " and from_stage is not null union all select created_at, 'notified ' || recipient || ': ' || subject"
                + " from notification where lead_id = ? union all select breached_at, 'SLA breach ' || sla || ' by '"
                + " || coalesce(rep_id, '-') from sla_breach where lead_id = ? order by 1",
                (row, n) -> WHEN.format(row.getTimestamp(1).toInstant()) + " " + row.getString(2), id, id, id));
        System.out.println("Timeline of lead " + id + ":\n  " + String.join("\n  ", lines));
        return lines;
    }
}
