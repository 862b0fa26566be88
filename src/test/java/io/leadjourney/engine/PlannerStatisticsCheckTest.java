package io.leadjourney.engine;

import io.leadjourney.engine.PlannerStatisticsCheck.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which PostgreSQL settings leave the planner's statistics to go stale, and what the operator is told. */
class PlannerStatisticsCheckTest {

    @Test
    void postgresqlsDefaultsAreFine() {
        assertThat(new Settings("on", "on").problem()).isEmpty();
        assertThat(new Settings("ON", "On").problem()).isEmpty();
    }

    @Test
    void autovacuumOffIsNamedWithWhatToDo() {
        assertThat(new Settings("off", "on").problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("autovacuum = off").contains("ANALYZE").contains("docs/operations.md"));
    }

    @Test
    void trackCountsOffIsNamedFirstBecauseAutovacuumCannotWorkWithoutIt() {
        assertThat(new Settings("on", "off").problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("track_counts = off").contains("ANALYZE"));
        assertThat(new Settings("off", "off").problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("track_counts = off"));
    }
}
