package io.leadjourney.bench;

import io.leadjourney.intake.LeadIntakeService;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.journey.NotificationEmail;
import io.leadjourney.lead.NewLead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake: leads through the service layer (and over HTTP) until each waits at "Accept lead", scored, routed and
 * logged, with the job executor running the async steps, against a bare start → no-op service task → user task
 * process on the same engine, history level and threads.
 * Run: {@code ./mvnw verify -Pbench [-Ppostgres] -Dit.test=IntakeBenchmark}.
 */
class IntakeBenchmark extends EngineBenchmark {

    private static final int LEADS = Integer.getInteger("bench.intake.leads", 400);
    /** Warm-up rounds that write data before the planner's statistics are first refreshed. */
    private static final int SEED_ROUNDS = 3;
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.intake.warm-up-rounds", 15);
    private static final int WARM_UP_ROUND = 50;
    private static final String BARE = "bench-bare-intake";
    private static final String[] SOURCES = {"webinar", "web form", "trade show", "purchased list", "referral"};
    private static final String[] ROLES = {"CTO", "VP Engineering", "Head of IT", "CFO", "Procurement Lead"};

    @Autowired
    private LeadIntakeService intake;
    @LocalServerPort
    private int port;

    @Test
    void intakeAgainstTheBareProcess() throws Exception {
        // Reps must not run out of capacity in the middle of the run: that would send leads to "Reassign".
        jdbc.update("update rep set max_open_leads = null");
        deploy(bareIntake(BARE), BARE);
        PlannerStatistics.refresh(jdbc, "the earlier benchmarks' data");
        String run = UUID.randomUUID().toString().substring(0, 8);

        // Warm-up: pools, parsed tables, both paths. A fixed number of rounds: the figure and its baseline share
        // the run, so what the JIT still compiles weighs on both. On a fresh database the statistics read above
        // describe empty tables, and PostgreSQL without autovacuum then plans the growing journey tables as empty
        // (alone on a fresh database intake once measured half its speed), so they are refreshed, as autovacuum
        // would, once the first rounds have written data, and again after the warm-up.
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            throughService(run + "-warm" + round, WARM_UP_ROUND, 4);
            bare(WARM_UP_ROUND, 4);
            if (round == SEED_ROUNDS) {
                PlannerStatistics.refresh(jdbc, "the first " + SEED_ROUNDS + " warm-up rounds");
            }
        }
        PlannerStatistics.refresh(jdbc, "the warm-up");

        List<BenchmarkReport.Row> rows = new ArrayList<>();
        java.sql.Timestamp measuredFrom = new java.sql.Timestamp(System.currentTimeMillis());
        for (int threads : new int[]{1, 4}) {
            double bare = bare(LEADS, threads);
            double journey = throughService(run + "-t" + threads, LEADS, threads);
            rows.add(BenchmarkReport.Row.faster("Intake", "leads through the service to \"Accept lead\", "
                    + threads + " thread(s)", journey, "leads/s", "bare process", bare, null, null));
        }
        double bareFour = bare(LEADS, 4);
        double overHttp = overHttp(run + "-http", LEADS, 4);
        rows.add(BenchmarkReport.Row.faster("Intake", "leads over HTTP (POST /api/leads) to \"Accept lead\", 4 clients",
                overHttp, "leads/s", "bare process", bareFour, "≥ 0.25 × bare", overHttp / bareFour >= 0.25));

        BenchmarkReport.write(database(), "Intake", rows, "Intake: " + where(measuredFrom) + " " + LEADS
                + " leads per case; mixed sizes, sources and roles, all qualifying (hand-raise), so each is scored,"
                + " routed and waits at \"Accept lead\". Timed from the first capture until the last lead's task"
                + " exists (the job executor runs \"Score lead\", which routes the lead). The bare process runs on the"
                + " same engine, history level " + engine.getHistory() + ", with the same threads. Warm-up: "
                + WARM_UP_ROUNDS + " rounds of " + WARM_UP_ROUND + " leads and " + WARM_UP_ROUND + " bare instances.");
    }

    /** Where a lead's time goes: the capture (measured here) and each step, from the engine's history. */
    private String where(java.sql.Timestamp from) {
        StringBuilder steps = new StringBuilder("Per lead (1 thread): capture " + String.format("%.1f", captureMs)
                + " ms");
        jdbc.query("select act_id_, avg(duration_) from act_hi_actinst where proc_def_key_ = ? and start_time_ >= ?"
                + " and act_type_ = 'serviceTask' group by act_id_ order by act_id_", row -> {
            steps.append(", ").append(row.getString(1).replace("ServiceTask_", "")).append(' ')
                    .append(String.format("%.1f", row.getDouble(2))).append(" ms");
        }, LeadJourney.PROCESS_ID, from);
        return steps.append(" (the steps' own time, without the job executor picking them up).").toString();
    }

    private double captureMs;

    private double bare(int count, int threads) {
        untilTheJobExecutorIsIdle();
        double seconds = inParallel(count, threads, i -> runtimeService.startProcessInstanceByKey(BARE,
                Map.of("assignee", "rep-a")));
        return count / seconds;
    }

    private double throughService(String prefix, int count, int threads) {
        untilTheJobExecutorIsIdle();
        long before = acceptTasks();
        long start = System.nanoTime();
        double capture = inParallel(count, threads, i -> intake.capture(lead(prefix, i), INTEGRATION));
        if (threads == 1) {
            captureMs = capture * 1000 / count;
        }
        waitUntil(() -> acceptTasks() >= before + count, 600, count + " leads at Accept lead");
        System.out.printf("Intake %s: captured in %.2f s, at Accept lead after %.2f s%n", prefix, capture,
                (System.nanoTime() - start) / 1e9);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private double overHttp(String prefix, int count, int clients) throws Exception {
        untilTheJobExecutorIsIdle();
        long before = acceptTasks();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread client = new Thread(() -> {
                try (KeepAliveClient http = new KeepAliveClient(port, INTEGRATION, INTEGRATION)) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        NewLead lead = lead(prefix, i);
                        KeepAliveClient.Response answer = http.post("/api/leads", json.writeValueAsString(lead));
                        if (answer.status() != 201) {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            });
            threads.add(client);
            client.start();
        }
        for (Thread client : threads) {
            client.join();
        }
        assertThat(failures).isEmpty();
        waitUntil(() -> acceptTasks() >= before + count, 600, count + " leads at Accept lead");
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Each case starts when the jobs of the one before are done: a lead's journey reaches "Accept lead" before the
     * rep's e-mail about it is sent (a job of its own), and those e-mails would otherwise be sent during the next
     * case, slowing whichever it is.
     */
    private void untilTheJobExecutorIsIdle() {
        untilNoJobIsDue(600, "the earlier case's jobs", () -> jobsOf(LeadJourney.PROCESS_ID) + " "
                + jobsOf(NotificationEmail.PROCESS_ID));
    }

    private long acceptTasks() {
        return taskService.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                .taskDefinitionKey(LeadJourney.TASK_ACCEPT_LEAD).count();
    }

    private static NewLead lead(String prefix, int i) {
        return new NewLead(prefix + "-" + i + "@intake.example", "Ada", "Lead " + i, "Intake Co " + i,
                5 + (i * 37) % 3000, null, "Software", null, ROLES[i % ROLES.length], null,
                SOURCES[i % SOURCES.length], true);
    }
}
