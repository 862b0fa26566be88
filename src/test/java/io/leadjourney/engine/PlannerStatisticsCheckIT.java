package io.leadjourney.engine;

import io.leadjourney.IntegrationTest;
import io.leadjourney.engine.PlannerStatisticsCheck.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up check on the suite's real database: on PostgreSQL it reads the server's own settings and warns when
 * they leave the statistics to go stale (the CI server runs with autovacuum off, so there it must warn); on H2 it
 * reads and says nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlannerStatisticsCheckIT extends IntegrationTest {

    @Autowired
    private PlannerStatisticsCheck check;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void warnsExactlyWhenThisDatabaseLeavesTheStatisticsToGoStale(CapturedOutput output) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        Optional<Settings> settings = check.settings();
        if (PlannerStatisticsCheck.POSTGRESQL.equals(product)) {
            assertThat(settings).contains(new Settings(jdbc.queryForObject("show autovacuum", String.class),
                    jdbc.queryForObject("show track_counts", String.class)));
        } else {
            assertThat(settings).isEmpty();
        }

        check.warnIfStatisticsGoStale();

        Optional<String> problem = settings.flatMap(Settings::problem);
        if (problem.isPresent()) {
            assertThat(output.getOut()).contains("WARN").contains(problem.get());
        } else {
            assertThat(output.getOut()).doesNotContain(PlannerStatisticsCheck.ADVICE);
        }
    }
}
