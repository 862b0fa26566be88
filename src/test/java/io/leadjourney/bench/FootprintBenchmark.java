package io.leadjourney.bench;

import benchmark.bare.BareCamundaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Footprint: the packaged application ({@code target/lead-journey-*.jar}) and a bare Camunda starter app, each
 * started as its own JVM with the same options on the same kind of database: the JVM's time to
 * "Started", and its resident memory after 1,000 leads (for the bare app: 1,000 instances of its start → service
 * task → user task process) posted over HTTP by 4 clients. Needs {@code ./mvnw verify}, which packages the jar
 * before the benchmarks run.
 * Run: {@code ./mvnw verify -Pbench [-Ppostgres] -Dit.test=FootprintBenchmark}.
 */
class FootprintBenchmark extends EngineBenchmark {

    private static final int LOAD = 1_000;
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    /** What the Dockerfile gives in a container capped at 1 GiB (MaxRAMPercentage=50), for both JVMs. */
    private static final String HEAP = "-Xmx512m";

    private record Footprint(double startupSeconds, double residentMib) {
    }

    @Test
    void startupAndMemoryAgainstABareCamundaApp() throws Exception {
        boolean postgres = database().startsWith("PostgreSQL");
        Footprint bare = run(bareCommand(postgres), Map.of(), true);
        Footprint app = run(appCommand(postgres), appEnvironment(postgres), false);
        List<BenchmarkReport.Row> rows = List.of(
                BenchmarkReport.Row.quicker("Footprint", "startup (JVM start to \"Started\")", app.startupSeconds(),
                        "s", "bare Camunda starter app", bare.startupSeconds(), "≤ 1.3 × bare",
                        app.startupSeconds() <= 1.3 * bare.startupSeconds()),
                BenchmarkReport.Row.quicker("Footprint", "resident memory after " + String.format("%,d", LOAD)
                                + " leads", app.residentMib(), "MiB", "bare Camunda starter app", bare.residentMib(),
                        "≤ 1,024 MiB", app.residentMib() <= 1024));
        BenchmarkReport.write(database(), "Footprint", rows, "Footprint: both JVMs with " + HEAP + " (what the"
                + " Dockerfile's MaxRAMPercentage=50 gives in a 1 GiB container), startup from Spring Boot's \"process running"
                + " for\", memory as VmRSS from /proc after the load.");
    }

    /**
     * The embedded demo's first start: the quarter of history is lived after "Started", in the background, so the
     * start itself stays within 1.3 × the bare app's; the time until "Demo history ready" is printed beside it.
     * Three JVMs and a quarter of history (about four minutes), so not in the suite's run: add
     * {@code -Dbench.footprint.demo=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "bench.footprint.demo", matches = "true")
    void theDemosFirstStartAgainstABareCamundaApp() throws Exception {
        List<String> bareOnAFile = new ArrayList<>(bareCommand(false));
        bareOnAFile.add("--spring.datasource.url=" + freshH2File("bare"));
        double bare = startAndWatch(bareOnAFile, null)[0];
        double withoutHistory = startAndWatch(demoCommand("--leadjourney.demo.leads=false"), null)[0];
        double[] app = startAndWatch(demoCommand("--leadjourney.demo.leads=true"), HISTORY_READY);
        BenchmarkReport.write(database(), "Footprint", List.of(
                BenchmarkReport.Row.quicker("Footprint", "demo's first start (JVM start to \"Started\"; the history"
                                + " follows in the background)", app[0], "s", "bare Camunda starter app", bare,
                        "≤ 1.3 × bare", app[0] <= 1.3 * bare),
                BenchmarkReport.Row.quicker("Footprint", "demo's first start, history on", app[0], "s",
                        "the same first start with the history off", withoutHistory, "–", null),
                BenchmarkReport.Row.alone("Footprint", "demo's history lived after the start (1,000 leads, 91 days)",
                        app[1], "s", "–", null)), "Footprint: each JVM on a fresh H2 file, " + HEAP + ".");
    }

    private List<String> demoCommand(String history) throws IOException {
        return new ArrayList<>(List.of(java(), HEAP, "-jar", jar().toString(), "--spring.profiles.active=demo",
                "--spring.datasource.url=" + freshH2File("demo"), history));
    }

    private static String freshH2File(String name) throws IOException {
        return "jdbc:h2:file:" + Files.createTempDirectory("footprint-" + name).resolve("leadjourney")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    private static final Pattern HISTORY_READY = Pattern.compile("Demo history ready in (\\d+) s");

    /** Starts a JVM and answers its seconds to "Started" and, if asked for, the seconds a later log line gives. */
    private double[] startAndWatch(List<String> command, Pattern later) throws Exception {
        List<String> withPort = new ArrayList<>(command);
        withPort.add("--server.port=" + freePort());
        Path log = Files.createTempFile("footprint", ".log");
        Process process = new ProcessBuilder(withPort).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            double[] seconds = new double[2];
            waitUntil(() -> {
                assertThat(process.isAlive()).as("%s is running: %s", withPort, tail(log)).isTrue();
                Matcher started = STARTED.matcher(read(log));
                if (started.find()) {
                    seconds[0] = Double.parseDouble(started.group(1));
                    return true;
                }
                return false;
            }, 180, "start-up");
            if (later != null) {
                waitUntil(() -> {
                    assertThat(process.isAlive()).as("%s is running: %s", withPort, tail(log)).isTrue();
                    Matcher line = later.matcher(read(log));
                    if (line.find()) {
                        seconds[1] = Double.parseDouble(line.group(1));
                        return true;
                    }
                    return false;
                }, 900, later.pattern());
            }
            return seconds;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private List<String> appCommand(boolean postgres) {
        List<String> command = new ArrayList<>(List.of(java(), HEAP, "-jar", jar().toString()));
        command.add("--spring.profiles.active=" + (postgres ? "postgres,demo" : "demo"));
        command.add("--leadjourney.demo.leads=false");
        if (!postgres) {
            command.add("--spring.datasource.url=jdbc:h2:mem:footprint;DB_CLOSE_DELAY=-1");
        }
        return command;
    }

    private Map<String, String> appEnvironment(boolean postgres) {
        if (!postgres) {
            return Map.of();
        }
        recreate("leadjourney_footprint_app");
        return Map.of("POSTGRES_DB", "leadjourney_footprint_app", "POSTGRES_USER", "postgres",
                "POSTGRES_PASSWORD", "postgres");
    }

    private List<String> bareCommand(boolean postgres) {
        List<String> command = new ArrayList<>(List.of(java(), HEAP, "-cp", System.getProperty("java.class.path"),
                BareCamundaApplication.class.getName(), "--spring.config.location=classpath:/bench-bare.yaml"));
        if (postgres) {
            recreate("leadjourney_footprint_bare");
            command.add("--spring.datasource.url=jdbc:postgresql://localhost:5432/leadjourney_footprint_bare");
            command.add("--spring.datasource.username=postgres");
            command.add("--spring.datasource.password=postgres");
        }
        return command;
    }

    private void recreate(String database) {
        jdbc.execute("drop database if exists " + database);
        jdbc.execute("create database " + database);
    }

    private Footprint run(List<String> command, Map<String, String> environment, boolean bare) throws Exception {
        int port = freePort();
        List<String> withPort = new ArrayList<>(command);
        withPort.add("--server.port=" + port);
        Path log = Files.createTempFile("footprint", ".log");
        ProcessBuilder builder = new ProcessBuilder(withPort).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            double[] startup = new double[1];
            waitUntil(() -> {
                assertThat(process.isAlive()).as("%s is running: %s", withPort, tail(log)).isTrue();
                Matcher started = STARTED.matcher(read(log));
                if (started.find()) {
                    startup[0] = Double.parseDouble(started.group(1));
                    return true;
                }
                return false;
            }, 180, "start-up");
            String user = "admin";
            String password = bare ? "bare-benchmark-admin" : "admin";  // the demo profile's admin
            load(port, user, password, bare);
            waitUntil(() -> openTasks(port, user, password) >= LOAD, 600, "the load's tasks");
            return new Footprint(startup[0], residentMib(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private void load(int port, String user, String password, boolean bare) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread client = new Thread(() -> {
                try (KeepAliveClient http = new KeepAliveClient(port, user, password)) {
                    for (int i = next.getAndIncrement(); i < LOAD; i = next.getAndIncrement()) {
                        KeepAliveClient.Response answer = bare
                                ? http.post("/engine-rest/process-definition/key/" + BareCamundaApplication.PROCESS
                                + "/start", "{}")
                                : http.post("/api/leads", "{\"email\":\"fp-" + i + "@footprint.example\","
                                + "\"firstName\":\"Foot\",\"company\":\"Print " + i + "\",\"employees\":"
                                + (5 + i * 37 % 3000) + ",\"role\":\"CTO\",\"wantsContact\":true}");
                        if (answer.status() >= 300) {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    }
                } catch (IOException e) {
                    failures.add(e.toString());
                }
            });
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        assertThat(failures).isEmpty();
    }

    private static long openTasks(int port, String user, String password) {
        try {
            HttpResponse<String> count = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/engine-rest/task/count"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes())).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher number = Pattern.compile("\"count\":(\\d+)").matcher(count.body());
            return number.find() ? Long.parseLong(number.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private static double residentMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for " + pid);
    }

    private static Path jar() {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("lead-journey-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No target/lead-journey-*.jar: run ./mvnw verify"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path log) {
        String text = read(log);
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
