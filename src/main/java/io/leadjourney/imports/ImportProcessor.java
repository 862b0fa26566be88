package io.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.intake.LeadIntakeService;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.NewLead;
import io.leadjourney.support.SqlTime;
import io.leadjourney.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works off one chunk of an import's pending rows in one transaction: the new e-mails are captured together as
 * leads with their journeys ({@link LeadIntakeService#captureNew}), an e-mail that already has a lead is a
 * duplicate, and the verdicts and counters are written with them. An e-mail captured through the API while the
 * chunk ran fails the chunk on the unique e-mail; {@link ImportWorker} then does it row by row, and that row is a
 * duplicate. Either the whole chunk commits or none of it does, so a crash or restart in the middle leaves its rows
 * pending, to be done again, and no lead twice. The import's row lock keeps two nodes off the same import.
 */
@Component
class ImportProcessor {

    /** The size of {@code lead_import_row.reason}. */
    static final int MAX_REASON = 1000;

    private final JdbcTemplate jdbc;
    private final LeadIntakeService intake;
    private final LeadRepository leads;
    private final ObjectMapper json;
    private final Clock clock;

    ImportProcessor(JdbcTemplate jdbc, LeadIntakeService intake, LeadRepository leads, ObjectMapper json,
                    Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.leads = leads;
        this.json = json;
        this.clock = clock;
    }

    private record Pending(int line, String email, String data) {
    }

    /** The imports that still have rows to do, oldest first. */
    @Transactional(readOnly = true)
    public List<Long> running() {
        return jdbc.queryForList("select id from lead_import where status = ? order by id", Long.class,
                ImportStatus.RUNNING.name());
    }

    /**
     * Does up to {@code size} pending rows of the import; answers false when there was nothing left to do (the
     * import is then DONE) or another node holds the import.
     */
    @Transactional
    public boolean nextChunk(long importId, int size) {
        Optional<String> status = lock(importId);
        if (status.isEmpty() || !ImportStatus.RUNNING.name().equals(status.get())) {
            return false;
        }
        List<Pending> rows = jdbc.query("select row_number, email, data from lead_import_row where import_id = ?"
                        + " and status = ? order by row_number fetch first ? rows only",
                (rs, n) -> new Pending(rs.getInt(1), rs.getString(2), rs.getString(3)), importId,
                ImportStatus.PENDING.name(), size);
        Instant now = Instant.now(clock);
        if (rows.isEmpty()) {
            jdbc.update("update lead_import set status = ?, finished_at = ?, updated_at = ? where id = ?",
                    ImportStatus.DONE.name(), SqlTime.utc(now), SqlTime.utc(now), importId);
            return false;
        }
        Map<String, Lead> existing = leads.findByEmailIn(rows.stream().map(Pending::email).toList()).stream()
                .collect(Collectors.toMap(Lead::getEmail, Function.identity()));
        List<Object[]> verdicts = new ArrayList<>();
        List<Pending> fresh = new ArrayList<>();
        for (Pending row : rows) {
            Lead known = existing.get(row.email());
            if (known == null) {
                fresh.add(row);
            } else {
                verdicts.add(new Object[]{ImportStatus.DUPLICATE.name(), "lead " + known.getId()
                        + " already has this e-mail", known.getId(), importId, row.line()});
            }
        }
        int duplicates = verdicts.size();
        List<Lead> captured = intake.captureNew(fresh.stream().map(this::lead).toList(), "import-" + importId);
        for (int i = 0; i < fresh.size(); i++) {
            verdicts.add(new Object[]{ImportStatus.ACCEPTED.name(), null, captured.get(i).getId(), importId,
                    fresh.get(i).line()});
        }
        int accepted = captured.size();
        jdbc.batchUpdate("update lead_import_row set status = ?, reason = ?, lead_id = ?, data = null"
                + " where import_id = ? and row_number = ?", verdicts);
        jdbc.update("update lead_import set accepted = accepted + ?, duplicates = duplicates + ?,"
                        + " worker_rows = worker_rows + ?, started_at = coalesce(started_at, ?), updated_at = ?"
                        + " where id = ?", accepted, duplicates, rows.size(), SqlTime.utc(now), SqlTime.utc(now),
                importId);
        return true;
    }

    /**
     * Stops a running import: its pending rows become CANCELLED; the leads already made stay. Answers false when
     * the import had already finished.
     */
    @Transactional
    public boolean cancel(long importId, String by) {
        Optional<String> status = lock(importId);
        if (status.isEmpty() || !ImportStatus.RUNNING.name().equals(status.get())) {
            return false;
        }
        Instant now = Instant.now(clock);
        jdbc.update("update lead_import_row set status = ?, reason = ?, data = null where import_id = ? and status = ?",
                ImportStatus.CANCELLED.name(), Text.cut("import cancelled by " + by, MAX_REASON), importId,
                ImportStatus.PENDING.name());
        jdbc.update("update lead_import set status = ?, finished_at = ?, updated_at = ? where id = ?",
                ImportStatus.CANCELLED.name(), SqlTime.utc(now), SqlTime.utc(now), importId);
        return true;
    }

    /** A row that fails on its own (its chunk was retried row by row) is rejected with the error. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reject(long importId, String why) {
        Optional<String> status = lock(importId);
        if (status.isEmpty()) {
            return;
        }
        List<Integer> next = jdbc.queryForList("select row_number from lead_import_row where import_id = ? and"
                + " status = ? order by row_number fetch first 1 rows only", Integer.class, importId,
                ImportStatus.PENDING.name());
        if (next.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        jdbc.update("update lead_import_row set status = ?, reason = ?, data = null where import_id = ?"
                + " and row_number = ?", ImportStatus.REJECTED.name(),
                Text.cut("could not be captured: " + why, MAX_REASON),
                importId, next.get(0));
        jdbc.update("update lead_import set rejected = rejected + 1, worker_rows = worker_rows + 1,"
                + " started_at = coalesce(started_at, ?), updated_at = ? where id = ?", SqlTime.utc(now),
                SqlTime.utc(now), importId);
    }

    private Optional<String> lock(long importId) {
        return jdbc.queryForList("select status from lead_import where id = ? for update", String.class, importId)
                .stream().findFirst();
    }

    private NewLead lead(Pending row) {
        try {
            return json.readValue(row.data(), NewLead.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Row " + row.line() + " holds no readable lead", e);
        }
    }
}
