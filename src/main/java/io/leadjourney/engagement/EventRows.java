package io.leadjourney.engagement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

import static io.leadjourney.system.SqlTime.utc;

/** Writes engagement events with plain JDBC: they are written far more often than they are read. */
@Component
class EventRows {

    static final String INSERT = "insert into engagement_event (lead_id, event_type, occurred_at, received_at,"
            + " event_key, email, page, asset, campaign) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    EventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one event of a known lead and returns its id. */
    long insert(long leadId, String type, Instant occurredAt, Instant receivedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT, new String[]{"id"});
            statement.setLong(1, leadId);
            statement.setString(2, type);
            statement.setObject(3, utc(occurredAt));
            statement.setObject(4, utc(receivedAt));
            for (int column = 5; column <= 9; column++) {
                statement.setString(column, null);
            }
            return statement;
        }, key);
        return Objects.requireNonNull(key.getKey(), "the database returned no event id").longValue();
    }

}
