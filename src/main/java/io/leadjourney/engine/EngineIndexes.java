package io.leadjourney.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Indexes on Camunda's tables that Camunda 7.24 does not create and our load needs. Camunda creates its own tables
 * when the engine starts, after Flyway, so they are added here, once the engine exists.
 * <ul>
 * <li>The jobs' due date: the job executor asks "which jobs are due?" on every acquisition; with 50,000 open leads
 * the job table holds 100,000 timers that are not due yet, and PostgreSQL scanned them all, 280 ms per acquisition
 * (JIT included). With the index it is under a millisecond while nothing is due ({@code SlaTimerBenchmark}).</li>
 * <li>The authorizations' user: every task query of a rep (Tasklist's filters) joins the authorizations of the rep
 * and their groups; Camunda indexes the group, not the user, and with authorization on every open task has a row
 * for its assignee, so PostgreSQL scanned the whole table (113,000 rows at 50,000 open leads): the rep's page query
 * took 41 ms, 21 ms with the index ({@code TasklistBenchmark}, docs/performance.md).</li>
 * </ul>
 */
@Component
class EngineIndexes {

    static final Map<String, String> INDEXES = Map.of(
            "act_idx_job_duedate_lj", "act_ru_job (duedate_)",
            "act_idx_auth_user_id_lj", "act_ru_authorization (user_id_)");
    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void ensure() {
        INDEXES.forEach((name, on) -> {
            try {
                jdbc.execute("create index if not exists " + name + " on " + on);
            } catch (RuntimeException raced) {
                // Another node created it at the same moment.
                log.info("Index {} not created here: {}", name, raced.getMessage());
            }
        });
    }
}
