package io.leadjourney.bench;

import io.leadjourney.IntegrationTest;
import io.leadjourney.funnel.FunnelReport;
import io.leadjourney.funnel.FunnelService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.leadjourney.system.SqlTime.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel over a year of 100,000 leads, against reading the same rows with plain JDBC (the baseline), in one
 * run on one database. The data is generated here: mixed sources, sizes and reps; most leads stop early, some
 * reach SQL and a deal. Prints a table and writes {@code target/bench/funnel-<database>.md}.
 * Run: {@code ./mvnw verify -Pbench -Ppostgres -Dit.test=FunnelBenchmark}.
 */
class FunnelBenchmark extends IntegrationTest {

    private static final int LEADS = 100_000;
    private static final int RUNS = 5;
    private static final String[] SOURCES = {"webinar", "web form", "trade show", "purchased list", "referral"};
    private static final String[] REPS = {"bench-rep-1", "bench-rep-2", "bench-rep-3", "bench-rep-4"};

    @Autowired
    private FunnelService funnel;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @Test
    void funnelOverAYearOfAHundredThousandLeads() throws IOException, SQLException {
        int year = 1990 + new Random().nextInt(8);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        long generated = generate(from);

        for (int i = 0; i < 2; i++) {  // warm-up
            funnel.report(from, to, "source");
            baseline(from, to);
        }
        double[] funnelMs = new double[RUNS];
        double[] baselineMs = new double[RUNS];
        FunnelReport report = null;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            baseline(from, to);
            baselineMs[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            report = funnel.report(from, to, "source");
            funnelMs[i] = (System.nanoTime() - t) / 1e6;
        }
        assertThat(report.total().leads()).isEqualTo(LEADS);

        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        Arrays.sort(funnelMs);
        Arrays.sort(baselineMs);
        String table = "Funnel over a year on " + database + ", " + Runtime.getRuntime().availableProcessors()
                + " cores: " + String.format("%,d", LEADS) + " leads, " + String.format("%,d", generated)
                + " stage changes; median and worst of " + RUNS + " runs after 2 warm-ups\n\n"
                + "| case | median ms | worst ms | vs baseline |\n|---|---:|---:|---:|\n"
                + String.format("| plain JDBC read of the same rows (baseline) | %.0f | %.0f | 1.0 x |%n",
                baselineMs[RUNS / 2], baselineMs[RUNS - 1])
                + String.format("| GET /api/funnel service, groupBy=source | %.0f | %.0f | %.1f x |%n",
                funnelMs[RUNS / 2], funnelMs[RUNS - 1], funnelMs[RUNS / 2] / baselineMs[RUNS / 2])
                + "\nTarget: under 1,000 ms on PostgreSQL.\n";
        Path out = Path.of("target", "bench", "funnel-" + database.split(" ")[0].toLowerCase() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("\n" + table);
    }

    /** The rows the funnel reads, read and thrown away. */
    private void baseline(LocalDate from, LocalDate to) {
        Object start = utc(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Object end = utc(to.atStartOfDay(ZoneOffset.UTC).toInstant());
        long[] rows = new long[1];
        jdbc.query("select id, source, country, employees, assigned_rep, created_at from lead"
                + " where created_at >= ? and created_at < ?", row -> {
            rows[0]++;
        }, start, end);
        jdbc.query("select t.lead_id, t.from_stage, t.to_stage, t.changed_at, t.reason from stage_transition t"
                + " join lead l on l.id = t.lead_id where l.created_at >= ? and l.created_at < ?", row -> {
            rows[0]++;
        }, start, end);
    }

    /** 100,000 leads over the year; answers how many stage changes were written. */
    private long generate(LocalDate from) {
        Random random = new Random(42);
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        String prefix = "bench-" + from.getYear() + "-" + System.nanoTime();
        List<Object[]> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            Instant created = start.plusSeconds(random.nextInt(364 * 86_400));
            String stage = stageOf(i);
            leads.add(new Object[]{prefix + "-" + i + "@bench.example", SOURCES[i % SOURCES.length],
                    i % 7 == 0 ? "germany" : "united states", 1 + random.nextInt(2000), REPS[i % REPS.length], stage,
                    utc(created), utc(created)});
        }
        jdbc.batchUpdate("insert into lead (email, source, country, employees, assigned_rep, stage, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", leads);
        List<Object[]> transitions = new ArrayList<>();
        jdbc.query("select id, stage, created_at, assigned_rep from lead where email like ?", row -> {
            long id = row.getLong(1);
            String stage = row.getString(2);
            Instant at = row.getObject(3, java.time.OffsetDateTime.class).toInstant();
            String rep = row.getString(4);
            List<String> path = pathTo(stage);
            String previous = null;
            for (String next : path) {
                at = at.plusSeconds(3600 + (id % 50) * 3600);
                String by = "SAL".equals(next) || "REJECTED".equals(next) || "SQL".equals(next) ? rep : "system";
                transitions.add(new Object[]{id, previous, next, utc(at), by,
                        "REJECTED".equals(next) ? "NOT_A_FIT" : "bench"});
                previous = next;
            }
        }, prefix + "-%");
        for (int from0 = 0; from0 < transitions.size(); from0 += 10_000) {
            jdbc.batchUpdate("insert into stage_transition (lead_id, from_stage, to_stage, changed_at, changed_by,"
                    + " reason) values (?, ?, ?, ?, ?, ?)", transitions.subList(from0,
                    Math.min(transitions.size(), from0 + 10_000)));
        }
        return transitions.size();
    }

    /** Most leads stop early: 40 % nurture, 10 % rejected, 30 % SAL (of which a third go on), 5 % still open. */
    private static String stageOf(int i) {
        return switch (i % 20) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> "NURTURE";
            case 8, 9 -> "DISQUALIFIED";
            case 10, 11, 12, 13 -> "DORMANT";
            case 14, 15 -> "SQL";
            case 16, 17 -> "LOST";
            case 18 -> "WON";
            default -> i % 40 == 19 ? "MQL" : "SAL";
        };
    }

    private static List<String> pathTo(String stage) {
        return switch (stage) {
            case "NURTURE" -> List.of("LEAD", "NURTURE");
            case "DORMANT" -> List.of("LEAD", "NURTURE", "DORMANT");
            case "DISQUALIFIED" -> List.of("LEAD", "MQL", "REJECTED", "DISQUALIFIED");
            case "MQL" -> List.of("LEAD", "MQL");
            case "SAL" -> List.of("LEAD", "MQL", "SAL");
            case "SQL" -> List.of("LEAD", "MQL", "SAL", "SQL");
            default -> List.of("LEAD", "MQL", "SAL", "SQL", stage);
        };
    }
}
