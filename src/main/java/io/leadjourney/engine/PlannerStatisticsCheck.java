package io.leadjourney.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Warns at start-up when PostgreSQL will not keep the planner's statistics current by itself.
 * <p>
 * Camunda's queries (a journey's variables, the due jobs, a rep's tasks) are planned from those statistics. With
 * {@code autovacuum} (or {@code track_counts}, which it needs) off, no table is analysed after it grows, and the
 * benchmarks measured SLA reminders draining 4.7–5.5 times more slowly (docs/performance.md). The app still starts:
 * an operator may analyse on a schedule instead, and the warning says so. Other databases are not checked.
 */
@Component
class PlannerStatisticsCheck {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatisticsCheck.class);
    static final String POSTGRESQL = "PostgreSQL";
    static final String ADVICE = "Turn it on (PostgreSQL's default), or run ANALYZE after every large import and"
            + " on a schedule; see docs/operations.md, \"PostgreSQL and Docker Compose\".";

    private final JdbcTemplate jdbc;

    PlannerStatisticsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The two settings that keep the statistics current, as the server reports them. */
    record Settings(String autovacuum, String trackCounts) {

        /** What is wrong with them, if anything, in words for the operator. */
        Optional<String> problem() {
            if (!"on".equalsIgnoreCase(trackCounts)) {
                return Optional.of("PostgreSQL has track_counts = " + trackCounts + ": it does not count changed rows,"
                        + " so autovacuum never analyses a table and the planner's statistics go stale. " + ADVICE);
            }
            if (!"on".equalsIgnoreCase(autovacuum)) {
                return Optional.of("PostgreSQL has autovacuum = " + autovacuum + ": no table is analysed as it grows,"
                        + " and Camunda's queries are planned from stale statistics. " + ADVICE);
            }
            return Optional.empty();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfStatisticsGoStale() {
        try {
            settings().flatMap(Settings::problem).ifPresent(log::warn);
        } catch (DataAccessException e) {
            log.info("Could not read PostgreSQL's autovacuum settings: {}", e.getMessage());
        }
    }

    /** The server's settings; empty on any database but PostgreSQL. */
    Optional<Settings> settings() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!POSTGRESQL.equals(product)) {
            return Optional.empty();
        }
        return Optional.of(new Settings(jdbc.queryForObject("show autovacuum", String.class),
                jdbc.queryForObject("show track_counts", String.class)));
    }
}
