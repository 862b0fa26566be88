package io.leadjourney.imports;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Reads imports and their row reports for the API. */
@Component
class ImportQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ImportView find(long id) {
        try {
            return jdbc.queryForObject("select * from lead_import where id = ?", (rs, n) -> {
                int total = rs.getInt("total_rows");
                int accepted = rs.getInt("accepted");
                int duplicates = rs.getInt("duplicates");
                int rejected = rs.getInt("rejected");
                int done = accepted + duplicates + rejected;
                Instant started = instant(rs.getObject("started_at", OffsetDateTime.class));
                Instant updated = instant(rs.getObject("updated_at", OffsetDateTime.class));
                Instant finished = instant(rs.getObject("finished_at", OffsetDateTime.class));
                Double rate = null;
                Long eta = null;
                int workerRows = rs.getInt("worker_rows");
                if (started != null && workerRows > 0) {
                    Instant until = finished != null ? finished : Instant.now(clock);
                    double seconds = Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
                    rate = Math.round(workerRows / seconds * 10) / 10.0;
                    eta = finished != null ? null : Math.round((total - done) / (workerRows / seconds));
                }
                String ignored = rs.getString("ignored_columns");
                return new ImportView(id, rs.getString("file_name"), rs.getString("source"), rs.getString("status"),
                        total, done, accepted, duplicates, rejected,
                        ignored == null ? List.of() : Arrays.asList(ignored.split(", ")), rs.getString("created_by"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)), started, finished, rate, eta);
            }, id);
        } catch (EmptyResultDataAccessException e) {
            throw new ImportNotFoundException(id);
        }
    }

    /** One page of the row report, in file order; {@code status} null for all rows. */
    @Transactional(readOnly = true)
    public List<ImportRowView> rows(long id, ImportStatus status, int page, int size) {
        find(id);
        String filter = status == null ? "" : " and status = '" + status.name() + "'";
        return jdbc.query("select row_number, status, email, reason, lead_id from lead_import_row where import_id = ?"
                        + filter + " order by row_number offset ? rows fetch next ? rows only",
                (rs, n) -> new ImportRowView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class)), id, (long) page * size, size);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
