package io.leadjourney.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

import static io.leadjourney.support.SqlTime.utc;

/** Writes engagement events with plain JDBC: they are written far more often than they are read. */
@Component
class EventRows {

    static final String INSERT = "insert into engagement_event (lead_id, event_type, occurred_at, received_at,"
            + " event_key, email, page, asset, campaign, seconds_on_page) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    EventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one event of a known lead, its details as the sender gave them, and returns its id. */
    long insert(long leadId, String type, NewEngagementEvent event, Instant receivedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT, new String[]{"id"});
            statement.setLong(1, leadId);
            statement.setString(2, type);
            statement.setObject(3, utc(event.occurredAt()));
            statement.setObject(4, utc(receivedAt));
            statement.setString(5, null);
            statement.setString(6, null);
            statement.setString(7, event.page());
            statement.setString(8, event.asset());
            statement.setString(9, event.campaign());
            statement.setObject(10, event.secondsOnPage());
            return statement;
        }, key);
        return Objects.requireNonNull(key.getKey(), "the database returned no event id").longValue();
    }

}
