package io.leadjourney.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's one table. Each benchmark reports its rows here: the figure, the baseline measured in the same run,
 * their ratio and the target. They are written as {@code target/bench/<database>/<benchmark>.json}, and
 * {@code target/bench/<database>/results.md} is rebuilt from every benchmark's rows, so a run of one benchmark
 * updates its part of the table.
 */
final class BenchmarkReport {

    /**
     * One measured case.
     *
     * @param benchmark    the benchmark, e.g. "Intake"
     * @param name         the case, e.g. "leads through the service, 4 threads"
     * @param figure       the measurement
     * @param unit         e.g. "leads/s", "ms"
     * @param baselineName what it is compared with, measured in the same run (null: compared with the target only)
     * @param baseline     the baseline's figure in the same unit
     * @param ratio        figure against baseline, oriented so that more is better (0 when there is no baseline)
     * @param target       the target, as text
     * @param met          whether the target is met (null: no target for this row)
     */
    record Row(String benchmark, String name, double figure, String unit, String baselineName, double baseline,
               double ratio, String target, Boolean met) {

        /** A throughput: more is better, ratio = figure / baseline. */
        static Row faster(String benchmark, String name, double figure, String unit, String baselineName,
                          double baseline, String target, Boolean met) {
            return new Row(benchmark, name, figure, unit, baselineName, baseline, figure / baseline, target, met);
        }

        /** A time: less is better, ratio = baseline / figure. */
        static Row quicker(String benchmark, String name, double figure, String unit, String baselineName,
                           double baseline, String target, Boolean met) {
            return new Row(benchmark, name, figure, unit, baselineName, baseline, baseline / figure, target, met);
        }

        static Row alone(String benchmark, String name, double figure, String unit, String target, Boolean met) {
            return new Row(benchmark, name, figure, unit, null, 0, 0, target, met);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkReport() {
    }

    /** "PostgreSQL 15.20" or "H2 2.3.232 (2024-08-11)". */
    static String database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            if (database.toLowerCase().startsWith("postgres")) {
                // Production's autovacuum (PostgreSQL's default) keeps the job and history tables lean; a server
                // without it (this workplace's) measures a neglected database. The run says which it had.
                try (var statement = connection.createStatement();
                     var autovacuum = statement.executeQuery("show autovacuum")) {
                    autovacuum.next();
                    database += ", autovacuum " + autovacuum.getString(1);
                }
            }
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the benchmark's rows and notes, rebuilds the run's table and prints the benchmark's part. */
    static void write(String database, String benchmark, List<Row> rows, String notes) {
        Path directory = Path.of("target", "bench", database.split(" ")[0].toLowerCase());
        try {
            Files.createDirectories(directory);
            String file = benchmark.toLowerCase().replaceAll("[^a-z0-9]+", "-");
            JSON.writeValue(directory.resolve(file + ".json").toFile(), rows);
            Files.writeString(directory.resolve(file + ".notes.md"), notes);
            List<Row> all = new ArrayList<>();
            StringBuilder allNotes = new StringBuilder();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    all.addAll(JSON.readValue(json.toFile(), new TypeReference<List<Row>>() { }));
                    Path note = Path.of(json.toString().replace(".json", ".notes.md"));
                    if (Files.exists(note)) {
                        allNotes.append("- ").append(Files.readString(note).strip()).append('\n');
                    }
                }
            }
            String header = "Lead Journey benchmarks on " + database + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, Java " + Runtime.version().feature() + "\n\n";
            Files.writeString(directory.resolve("results.md"), header + table(all) + "\n" + allNotes);
            System.out.println("\n" + header + table(rows) + "\n" + notes + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| benchmark | case | figure | baseline (same run) | ratio | target | met |\n"
                + "|---|---|---:|---|---:|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(row.benchmark()).append(" | ").append(row.name()).append(" | ")
                    .append(number(row.figure())).append(' ').append(row.unit()).append(" | ")
                    .append(row.baselineName() == null ? "–"
                            : row.baselineName() + ": " + number(row.baseline()) + " " + row.unit())
                    .append(" | ").append(row.baselineName() == null ? "–" : String.format("%.2f", row.ratio()))
                    .append(" | ").append(row.target() == null ? "–" : row.target())
                    .append(" | ").append(row.met() == null ? "–" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        return table.toString();
    }

    /** The nearest-rank percentile of latencies, e.g. 95 for p95. */
    static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }
}
