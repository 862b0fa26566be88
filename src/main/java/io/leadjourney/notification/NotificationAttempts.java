package io.leadjourney.notification;

import io.leadjourney.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Records each attempt on the notification's row in a transaction of its own, so a failed attempt is on the row
 * even though the e-mail job rolls back to be retried, and a sent message stays sent whatever happens to the job.
 */
@Component
class NotificationAttempts {

    private static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NotificationAttempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(long id) {
        jdbc.update("update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null"
                + " where id = ?", utc(Instant.now(clock)), id);
    }

    /** A failure; {@code permanent} when no later attempt could succeed (the recipient has no address). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(long id, String error, boolean permanent) {
        jdbc.update("update notification set status = ?, attempts = attempts + 1, last_error = ? where id = ?",
                permanent ? "FAILED" : "PENDING", Text.cut(error == null ? "unknown error" : error, MAX_ERROR), id);
    }
}
