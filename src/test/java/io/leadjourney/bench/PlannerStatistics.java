package io.leadjourney.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings the database's tables up to date after a benchmark has written its data, as a production database's
 * autovacuum would by the time such data had accumulated: statistics for the planner, and on PostgreSQL the space
 * of deleted rows reclaimed. Without it a benchmark measures a neglected database rather than the application: on a
 * PostgreSQL with {@code autovacuum = off} (as on the CI machines) the engine's {@code ACT_RU_VARIABLE} lookup by
 * execution took 655 ms against 382,000 rows, planned for 320, and the SLA reminders drained at 8 a second instead
 * of 100 until {@code ANALYZE} ran; the job table, where every job is inserted once and deleted once, held nine dead
 * rows for every live one after the SLA timers and the job executor's acquisition crawled through them. H2 has the
 * same statement for statistics and reclaims space itself.
 */
final class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private PlannerStatistics() {
    }

    static void refresh(JdbcTemplate jdbc, String after) {
        long start = System.nanoTime();
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres")));
        jdbc.execute(postgres ? "vacuum analyze" : "analyze");
        log.info("Tables {} after {} in {} s", postgres ? "vacuumed and analysed" : "analysed", after,
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }
}
