package io.leadjourney.funnel;

import io.leadjourney.ModuleTest;
import io.leadjourney.ModuleTestDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel as a module, with the modules it reaches (routing for the segments, sla for the acceptance rate, lead
 * for the stage log) on the database, without the process engine: a week of three leads of its own, read back.
 */
@ModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ModuleTestDirectories.class)
class FunnelModuleTest {

    /** The port of the process above: its open tasks ({@code journey}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Ports {
        @Bean
        OpenWork openWork() {
            return new OpenWork() {
                public Map<Long, Waiting> waitingOf(Collection<Long> leadIds) {
                    return Map.of();
                }

                public long overdueTasks() {
                    return 0;
                }
            };
        }
    }

    @Autowired
    private FunnelService funnel;
    @Autowired
    private JdbcTemplate jdbc;

    private Instant monday;

    private long lead(Integer employees, String... stages) {
        jdbc.update("insert into lead (email, source, employees, stage, created_at, updated_at) values (?, 'web', ?,"
                + " ?, ?, ?)", UUID.randomUUID() + "@module.example", employees, stages[stages.length - 1],
                Timestamp.from(monday), Timestamp.from(monday));
        long id = jdbc.queryForObject("select max(id) from lead", Long.class);
        String from = null;
        for (int i = 0; i < stages.length; i++) {
            jdbc.update("insert into stage_transition (lead_id, from_stage, to_stage, changed_at, changed_by, reason)"
                    + " values (?, ?, ?, ?, 'test', 'module test')", id, from, stages[i],
                    Timestamp.from(monday.plusSeconds(3600L * (i + 1))));
            from = stages[i];
        }
        return id;
    }

    @Test
    void aWeekOfThreeLeadsByTheRoutingTablesBands() {
        LocalDate week = QuietWeeks.from(LocalDate.of(2011, 1, 3), jdbc);
        monday = week.atStartOfDay(ZoneOffset.UTC).toInstant();
        lead(20, "LEAD", "MQL", "SAL", "SQL");
        lead(5, "LEAD", "MQL", "REJECTED");
        lead(null, "LEAD");

        FunnelReport report = funnel.report(week, week.plusDays(7), "segment");

        assertThat(report.total().leads()).isEqualTo(3);
        assertThat(report.total().mqls()).isEqualTo(2);
        assertThat(report.total().sals()).isEqualTo(1);
        assertThat(report.total().sqls()).isEqualTo(1);
        assertThat(report.total().acceptanceRate()).as("one accepted of two decisions").isEqualTo(0.5);
        assertThat(report.segments()).extracting(FunnelReport.Segment::key).containsExactlyInAnyOrder(
                "Companies with 11-50 employees", "Companies with up to 10 employees", "Company size unknown");
    }
}
