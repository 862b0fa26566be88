package io.leadjourney.funnel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Weeks long ago for funnel tests to write their leads into. A week another test (or an earlier run on the same
 * PostgreSQL database) already used would add its leads to the figures, so a week is taken only when it, and the
 * weeks either side, hold no lead.
 */
final class QuietWeeks {

    private QuietWeeks() {
    }

    /** A Monday within 500 weeks of {@code firstMonday} whose neighbourhood no lead was captured in. */
    static LocalDate from(LocalDate firstMonday, JdbcTemplate jdbc) {
        for (int tries = 0; tries < 1000; tries++) {
            LocalDate monday = firstMonday.plusWeeks(ThreadLocalRandom.current().nextInt(500));
            Instant start = monday.minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = monday.plusWeeks(2).atStartOfDay(ZoneOffset.UTC).toInstant();
            Long taken = jdbc.queryForObject("select count(*) from lead where created_at >= ? and created_at < ?",
                    Long.class, utc(start), utc(end));
            if (taken == 0) {
                return monday;
            }
        }
        throw new IllegalStateException("No quiet week left within 500 weeks of " + firstMonday);
    }
}
