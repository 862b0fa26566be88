package io.leadjourney.demo;

import io.leadjourney.IntegrationTest;
import io.leadjourney.lead.LeadErasureService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small plan lived through the real services and engine: the rows it leaves are dated in the plan's weeks, and
 * they show the journey's shapes (accepted, rejected with a reason, nurtured, breached, handed off). The leads are
 * erased afterwards, so the tests that follow do not meet them.
 */
class DemoHistoryIT extends IntegrationTest {

    @Autowired
    private DemoHistory history;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LeadErasureService erasure;

    @Test
    void aPlanIsLivedThroughTheJourneyOnItsOwnDays() {
        Instant end = Instant.parse("2021-06-30T16:00:00Z");
        DemoPlan plan = DemoPlan.of(11, 80, 35, end);
        List<String> emails = plan.leads().stream().map(lead -> lead.lead().email()).toList();

        DemoHistory.Report report = history.generate(plan);

        List<Long> ids = new NamedParameterJdbcTemplate(jdbc).queryForList("select id from lead where email in"
                + " (:emails)", Map.of("emails", emails), Long.class);
        try {
            assertThat(ClockUtil.getCurrentTime().toInstant()).as("the clock is the system's again")
                    .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
            assertThat(report.leads()).isEqualTo(80);
            assertThat(ids).hasSize(80);
            assertThat(report.tasksWorked()).isPositive();
            assertThat(report.jobsRun()).isPositive();
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
            Map<String, Object> these = Map.of("ids", ids);
            assertThat(named.queryForObject("select min(created_at) from lead where id in (:ids)", these,
                    Timestamp.class).toInstant()).isAfterOrEqualTo(plan.from());
            assertThat(named.queryForObject("select max(changed_at) from stage_transition where lead_id in (:ids)",
                    these, Timestamp.class).toInstant()).isBeforeOrEqualTo(end);
            assertThat(named.queryForObject("select count(*) from engagement_event where lead_id in (:ids)", these,
                    Integer.class)).isEqualTo(report.events()).isPositive();

            List<String> shapes = named.queryForList("select distinct to_stage from"
                    + " stage_transition where lead_id in (:ids)", these, String.class);
            assertThat(shapes).contains("MQL", "SAL", "REJECTED", "NURTURE", "SQL");
            assertThat(named.queryForList("select reason from stage_transition"
                    + " where to_stage = 'REJECTED' and lead_id in (:ids)", these, String.class))
                    .as("each rejection with the rep's reason and note").isNotEmpty()
                    .allSatisfy(reason -> assertThat(reason).containsPattern("^[A-Z_]+: .+"));
            assertThat(named.queryForObject("select count(*) from sla_breach where"
                    + " lead_id in (:ids)", these, Integer.class)).as("late reps breached").isPositive();
            assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKeyIn(ids.stream()
                    .map(String::valueOf).toArray(String[]::new)).finished().list())
                    .as("tasks done in the plan's weeks, by reps").isNotEmpty()
                    .allSatisfy(task -> assertThat(task.getEndTime().toInstant()).isBeforeOrEqualTo(end));
        } finally {
            ids.forEach(id -> erasure.erase(id, "DemoHistoryIT"));
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(),
                java.time.temporal.ChronoUnit.SECONDS);
    }
}
