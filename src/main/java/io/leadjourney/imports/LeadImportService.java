package io.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.intake.LeadIntakeService;
import io.leadjourney.lead.LeadFields;
import io.leadjourney.lead.NewLead;
import io.leadjourney.support.Chunks;
import io.leadjourney.support.InvalidFieldException;
import io.leadjourney.support.SqlTime;
import io.leadjourney.support.Text;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a lead list: reads the CSV, judges every row and stores the verdicts, all in one transaction, so an
 * upload is either stored whole or not at all. Valid rows wait as PENDING for the {@link ImportWorker}.
 */
@Service
public class LeadImportService {

    static final String FILE = "file";
    private static final Logger log = LoggerFactory.getLogger(LeadImportService.class);
    private static final int INSERT_BATCH = 1000;
    private static final int MAX_LINE_PREVIEW = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final Validator validator;
    private final ObjectMapper json;
    private final ImportProperties properties;
    private final ImportQueries queries;
    private final LeadFields fields;
    private final Clock clock;

    LeadImportService(JdbcTemplate jdbc, Validator validator, ObjectMapper json, ImportProperties properties,
                      ImportQueries queries, LeadFields fields, Clock clock) {
        this.fields = fields;
        this.jdbc = jdbc;
        this.validator = validator;
        this.json = json;
        this.properties = properties;
        this.queries = queries;
        this.clock = clock;
    }

    private record Row(int line, ImportStatus status, String email, String data, String reason) {
    }

    @Transactional
    public ImportView upload(InputStream file, String fileName, String source, String by) throws IOException {
        BufferedReader reader = new BufferedReader(utf8(file));
        ImportColumns columns;
        char delimiter;
        List<Row> rows = new ArrayList<>();
        try {
            reader.mark(MAX_LINE_PREVIEW);
            String headerLine = reader.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new InvalidFieldException(FILE, "is empty; the first line must name the columns");
            }
            reader.reset();
            delimiter = CsvRows.detectDelimiter(headerLine);
            CsvRows csv = new CsvRows(reader, delimiter);
            columns = new ImportColumns(csv.next().fields(), fields.declared());
            if (!columns.hasEmail()) {
                throw new InvalidFieldException(FILE, "has no e-mail column (the header must name one: email,"
                        + " e-mail or email address); the columns are " + headerLine);
            }
            Map<String, Integer> firstLineOfEmail = new HashMap<>();
            for (CsvRows.Row record = csv.next(); record != null; record = csv.next()) {
                if (record.fields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == properties.maxRows()) {
                    throw new InvalidFieldException(FILE, "has more than " + properties.maxRows()
                            + " rows; split it (leadjourney.imports.max-rows)");
                }
                rows.add(judge(record, columns, source, firstLineOfEmail));
            }
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException(FILE, "is not UTF-8 text; save it as CSV UTF-8");
        } catch (CsvRows.MalformedCsvException e) {
            throw new InvalidFieldException(FILE, "is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidFieldException(FILE, "has a header but no rows");
        }
        long id = store(fileName, source, by, delimiter, columns.ignored(), rows);
        log.info("Import {} of {} by {}: {} rows, {} rejected, {} duplicates in the file", id, fileName, by,
                rows.size(), count(rows, ImportStatus.REJECTED), count(rows, ImportStatus.DUPLICATE));
        return queries.find(id);
    }

    private Row judge(CsvRows.Row record, ImportColumns columns, String source,
                      Map<String, Integer> firstLineOfEmail) throws JsonProcessingException {
        ImportColumns.Parsed parsed = columns.parse(record.fields(), source);
        NewLead lead = parsed.lead();
        List<String> problems = new ArrayList<>(parsed.problems());
        validator.validate(lead).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(LeadImportService::describe).forEach(problems::add);
        try {
            fields.check(lead.customFields());
        } catch (InvalidFieldException wrong) {
            problems.add(wrong.getField() + ": " + wrong.getMessage());
        }
        String email = lead.email() == null ? null : LeadIntakeService.normalizeEmail(lead.email());
        if (!problems.isEmpty()) {
            return new Row(record.line(), ImportStatus.REJECTED, Text.cut(email, 254), null,
                    Text.cut(String.join("; ", problems), ImportProcessor.MAX_REASON));
        }
        Integer earlier = firstLineOfEmail.putIfAbsent(email, record.line());
        if (earlier != null) {
            return new Row(record.line(), ImportStatus.DUPLICATE, email, null, "same e-mail as row " + earlier);
        }
        return new Row(record.line(), ImportStatus.PENDING, email, json.writeValueAsString(lead), null);
    }

    private long store(String fileName, String source, String by, char delimiter, List<String> ignored,
                       List<Row> rows) {
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into lead_import (file_name, source,"
                    + " created_by, status, delimiter, ignored_columns, total_rows, duplicates, rejected, created_at,"
                    + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
            insert.setString(1, Text.cut(fileName, 255));
            insert.setString(2, source);
            insert.setString(3, by);
            insert.setString(4, ImportStatus.RUNNING.name());
            insert.setString(5, String.valueOf(delimiter));
            insert.setString(6, ignored.isEmpty() ? null : Text.cut(String.join(", ", ignored), 1000));
            insert.setInt(7, rows.size());
            insert.setInt(8, count(rows, ImportStatus.DUPLICATE));
            insert.setInt(9, count(rows, ImportStatus.REJECTED));
            insert.setObject(10, SqlTime.utc(now));
            insert.setObject(11, SqlTime.utc(now));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        for (List<Row> chunk : Chunks.of(rows, INSERT_BATCH)) {
            List<Object[]> batch = chunk.stream()
                    .map(row -> new Object[]{id, row.line(), row.status().name(), row.email(), row.data(),
                            row.reason()}).toList();
            jdbc.batchUpdate("insert into lead_import_row (import_id, row_number, status, email, data, reason)"
                    + " values (?, ?, ?, ?, ?, ?)", batch);
        }
        return id;
    }

    private static String describe(ConstraintViolation<NewLead> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    private static int count(List<Row> rows, ImportStatus status) {
        return (int) rows.stream().filter(row -> row.status() == status).count();
    }

    /** Strict UTF-8: a file in another encoding is refused rather than imported with broken names. */
    private static Reader utf8(InputStream file) {
        return new InputStreamReader(file, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
