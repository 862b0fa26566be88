package io.leadjourney.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of Camunda's jobs. The job executor asks "which jobs are due?" on every acquisition,
 * and Camunda 7.24 has no index for it: with 50,000 open leads the job table holds 100,000 timers that are not
 * due yet, and PostgreSQL scanned them all, 280 ms per acquisition (JIT included). With the index it is under
 * a millisecond while nothing is due, and 10,000 overdue reminders drained in 132 s instead of 180 s
 * ({@code SlaTimerBenchmark}, docs/performance.md). Camunda creates
 * its own tables when the engine starts, after Flyway, so the index is added here, once the engine exists.
 */
@Component
class JobDueDateIndex {

    static final String NAME = "act_idx_job_duedate_lj";
    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

    private final JdbcTemplate jdbc;

    JobDueDateIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void ensure() {
        try {
            jdbc.execute("create index if not exists " + NAME + " on act_ru_job (duedate_)");
        } catch (RuntimeException raced) {
            // Another node created it at the same moment.
            log.info("Index {} not created here: {}", NAME, raced.getMessage());
        }
    }
}
