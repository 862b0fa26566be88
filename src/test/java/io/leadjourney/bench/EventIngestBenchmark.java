package io.leadjourney.bench;

import io.leadjourney.IntegrationTest;
import io.leadjourney.engagement.BatchEvent;
import io.leadjourney.engagement.EventBatchService;
import io.leadjourney.engagement.EngagementType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engagement ingest against the database's own limit, measured in one run on one database:
 * a raw batched JDBC insert of equivalent rows (the baseline), batches through the service, single events through
 * HTTP. Prints a table and writes it to {@code target/bench/event-ingest.md}. Speed is reported, never asserted;
 * only correctness (every event stored) is checked. Run: {@code ./mvnw verify -Pbench -Ppostgres}.
 */
@TestPropertySource(properties = "leadjourney.scoring.decision-refresh=PT10S") // production default, not the tests' PT0S
class EventIngestBenchmark extends IntegrationTest {

    private static final int LEADS = 200;
    private static final int RAW_ROWS = 20_000;
    private static final int BATCHES = 20;
    private static final int BATCH_SIZE = 1_000;
    private static final int SINGLES = 2_000;
    private static final int WARM_UP_SINGLES = 200;
    private static final int WARM_UP_BATCHES = 2;
    private static final EngagementType[] TYPES = EngagementType.values();
    private static final String RAW_INSERT = "insert into engagement_event (lead_id, event_type, occurred_at,"
            + " received_at, event_key, email, page, asset, campaign) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Autowired
    private EventBatchService batches;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private DataSource dataSource;

    private record Row(String name, int events, double seconds, double p50, double p99) {
        double perSecond() {
            return events / seconds;
        }
    }

    @Test
    void engagementIngest() throws IOException, SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(captureLead(Map.of("email", uniqueEmail("bench" + i), "firstName", "Bench", "company",
                    "Bench " + i, "employees", 5 + (i * 37) % 2000, "role", i % 3 == 0 ? "CTO" : "Engineer",
                    "source", i % 2 == 0 ? "webinar" : "web form")));
        }

        // Warm-up: JIT, connection pool, parsed tables.
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            batches.ingest(batch("warm-" + run + "-" + i, leads));
        }
        for (int i = 0; i < WARM_UP_SINGLES; i++) {
            single(leads.get(i % LEADS), i);
        }

        Row raw = rawInsert(run, leads);
        Row batch = batchIngest(run, leads);
        Row single = singleEvents(leads);

        long stored = jdbc.queryForObject("select count(*) from engagement_event where event_key like ?", Long.class,
                "b-" + run + "-%");
        assertThat(stored).as("every batch event stored").isEqualTo((long) BATCHES * BATCH_SIZE);

        String database = database();
        StringBuilder table = new StringBuilder()
                .append("Engagement ingest on ").append(database).append(", ").append(Runtime.getRuntime()
                        .availableProcessors()).append(" cores, ").append(LEADS).append(" leads, one thread\n\n")
                .append("| case | events | seconds | events/s | p50 ms | p99 ms | vs raw insert |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : List.of(raw, batch, single)) {
            table.append(String.format("| %s | %,d | %.2f | %,.0f | %s | %s | %.1f %% |%n", row.name(), row.events(),
                    row.seconds(), row.perSecond(), row.p50() < 0 ? "-" : String.format("%.1f", row.p50()),
                    row.p99() < 0 ? "-" : String.format("%.1f", row.p99()), 100 * row.perSecond() / raw.perSecond()));
        }
        table.append("\nBatches of ").append(BATCH_SIZE).append(" events (latency per batch); single events through ")
                .append("HTTP POST /api/leads/{id}/events (latency per event). Targets: batch >= 25 % of the raw ")
                .append("insert rate; single events >= 1,000/s with p99 < 20 ms.\n");
        Path out = Path.of("target", "bench", "event-ingest-" + database.split(" ")[0].toLowerCase() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("\n" + table);
    }

    private Row rawInsert(String run, List<Long> leads) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < RAW_ROWS; i++) {
            rows.add(new Object[]{leads.get(i % LEADS), TYPES[i % TYPES.length].name(), now, now, "r-" + run + "-" + i,
                    null, "/pricing", null, "q4"});
        }
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
                jdbc.batchUpdate(RAW_INSERT, rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)));
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        // The baseline's rows are not the leads' activity: remove them before the measured ingest.
        jdbc.update("delete from engagement_event where event_key like ?", "r-" + run + "-%");
        return new Row("raw batched JDBC insert (baseline)", RAW_ROWS, seconds, -1, -1);
    }

    private Row batchIngest(String run, List<Long> leads) {
        double[] latencies = new double[BATCHES];
        long start = System.nanoTime();
        for (int b = 0; b < BATCHES; b++) {
            List<BatchEvent> events = batch("b-" + run + "-" + b, leads);
            long t = System.nanoTime();
            assertThat(batches.ingest(events).accepted()).isEqualTo(BATCH_SIZE);
            latencies[b] = (System.nanoTime() - t) / 1e6;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Row("batch ingest, POST /api/events service", BATCHES * BATCH_SIZE, seconds,
                percentile(latencies, 50), percentile(latencies, 99));
    }

    private Row singleEvents(List<Long> leads) {
        double[] latencies = new double[SINGLES];
        long start = System.nanoTime();
        for (int i = 0; i < SINGLES; i++) {
            long t = System.nanoTime();
            single(leads.get(i % LEADS), i);
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Row("single events, HTTP", SINGLES, seconds, percentile(latencies, 50), percentile(latencies, 99));
    }

    private List<BatchEvent> batch(String prefix, List<Long> leads) {
        String at = Instant.now().toString();
        List<BatchEvent> events = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < BATCH_SIZE; i++) {
            events.add(new BatchEvent(prefix + "-" + i, leads.get(i % LEADS), null,
                    TYPES[(i / LEADS) % (TYPES.length - 1)].name(), at, "/pricing", null, "q4"));
        }
        return events;
    }

    /** One client for the run, keeping its connections alive, as a marketing system's would. */
    private org.springframework.boot.test.web.client.TestRestTemplate client;

    private void single(long leadId, int i) {
        if (client == null) {
            client = http.withBasicAuth(INTEGRATION, INTEGRATION);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = new HashMap<>();
        body.put("type", TYPES[i % (TYPES.length - 1)].name());
        body.put("occurredAt", Instant.now().toString());
        int status = client.exchange("/api/leads/" + leadId + "/events",
                HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
        assertThat(status).isEqualTo(200);
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private String database() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }
}
