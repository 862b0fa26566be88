package io.leadjourney.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.leadjourney.intake.LeadIntakeService;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.lead.NewLead;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    private static final int SEED_ROUNDS = 5;
    private static final int WARM_UP_ROUND = 50;
    private static final String BARE = "bench-bare-intake";
    private static final String BARE_COMPLETE = "bench-bare-complete";
    private static final int HIKARI_DEFAULT_POOL = 10;
    private static final String JOURNEY_RESOURCE = "lead-journey.bpmn";
    private static final String[] FORMS = {"accept-lead.form", "reassign-lead.form", "contact-attempt.form",
            "discovery-call.form"};
    private static final String[] SOURCES = {"webinar", "web form", "trade show", "purchased list", "referral"};
    private static final String[] ROLES = {"CTO", "VP Engineering", "Head of IT", "CFO", "Procurement Lead"};

    @Autowired
    private LeadIntakeService intake;
    @Autowired
    private ApplicationContext context;
    @LocalServerPort
    private int port;

    @Test
    void intakeAgainstTheBareProcess() throws Exception {
        // Reps must not run out of capacity in the middle of the run: that would send leads to "Reassign".
        jdbc.update("update rep set max_open_leads = null");
        deploy(bareIntake(BARE), BARE);
        PlannerStatistics.refresh(jdbc, "the earlier benchmarks' data");
        String run = UUID.randomUUID().toString().substring(0, 8);

        // Warm-up: pools, parsed tables, both paths, until the JIT is quiet. On a fresh database the statistics
        // read above describe empty tables, and PostgreSQL without autovacuum then plans the growing journey tables
        // as empty: alone on a fresh database, intake measured 10.6 leads/s and its last tuning pair 4.8, the bare
        // process 85-142 instances/s, "Score lead" took 121 ms. So the statistics are refreshed, as
        // autovacuum would, once the first rounds have written data, after the warm-up and before the tuning.
        AtomicInteger round = new AtomicInteger();
        JitWarmUp.Round warmUpRound = () -> {
            throughService(run + "-warm" + round.incrementAndGet(), WARM_UP_ROUND, 4);
            bare(WARM_UP_ROUND, 4);
        };
        for (int seed = 0; seed < SEED_ROUNDS; seed++) {
            warmUpRound.run();
        }
        PlannerStatistics.refresh(jdbc, "the first " + SEED_ROUNDS + " warm-up rounds");
        JitWarmUp.Result warmUp = JitWarmUp.untilQuiet("Intake (rounds of " + WARM_UP_ROUND
                + " leads through the service and " + WARM_UP_ROUND + " bare instances, 4 threads)", warmUpRound);
        PlannerStatistics.refresh(jdbc, "the warm-up");

        List<BenchmarkReport.Row> rows = new ArrayList<>();
        java.sql.Timestamp measuredFrom = new java.sql.Timestamp(System.currentTimeMillis());
        for (int threads : new int[]{1, 4}) {
            double bare = bare(LEADS, threads);
            double journey = throughService(run + "-t" + threads, LEADS, threads);
            rows.add(BenchmarkReport.Row.faster("Intake", "leads through the service to \"Accept lead\", "
                    + threads + " thread(s)", journey, "leads/s", "bare process", bare,
                    "≥ 0.6 × bare", journey / bare >= 0.6));
        }
        double bareFour = bare(LEADS, 4);
        double overHttp = overHttp(run + "-http", LEADS, 4);
        rows.add(BenchmarkReport.Row.faster("Intake", "leads over HTTP (POST /api/leads) to \"Accept lead\", 4 clients",
                overHttp, "leads/s", "bare process", bareFour, "≥ 0.6 × bare", overHttp / bareFour >= 0.6));

        rows.addAll(tuning(run));

        BenchmarkReport.write(database(), "Intake", rows, "Intake: " + where(measuredFrom) + " " + LEADS
                + " leads per case; mixed sizes, sources and roles, all qualifying (hand-raise), so each is scored,"
                + " routed and waits at \"Accept lead\". Timed from the first capture until the last lead's task"
                + " exists (the job executor runs \"Score lead\" and \"Route lead\"). The bare process runs on the"
                + " same engine, history level " + engine.getHistory() + ", with the same threads. "
                + warmUp.describe() + ".");
    }

    /**
     * Before/after figures for the settings that shape intake, each pair in this run with 4 threads: the
     * connection pool (routing takes its round-robin turn on a second connection), the async boundary between
     * "Score lead" and "Route lead", the history level, and the engine's id check. The figure is the setting tried, the baseline the
     * setting as shipped.
     */
    private List<BenchmarkReport.Row> tuning(String run) {
        PlannerStatistics.refresh(jdbc, "the intake cases");
        List<BenchmarkReport.Row> rows = new ArrayList<>();
        HikariDataSource pool = unwrapPool();
        int shippedPool = pool.getMaximumPoolSize();
        double shipped = throughService(run + "-pool-shipped", LEADS, 4);
        pool.setMaximumPoolSize(HIKARI_DEFAULT_POOL);
        double hikariDefault = throughService(run + "-pool-default", LEADS, 4);
        pool.setMaximumPoolSize(shippedPool);
        rows.add(tuningRow("connection pool " + HIKARI_DEFAULT_POOL + " (Hikari's default)", hikariDefault,
                "pool " + shippedPool + " (as shipped)", shipped));

        double separateJobs = throughService(run + "-async-shipped", LEADS, 4);
        deployJourney(false);
        double oneJob;
        try {
            oneJob = throughService(run + "-async-merged", LEADS, 4);
        } finally {
            deployJourney(true);
        }
        rows.add(tuningRow("\"Route lead\" in \"Score lead\"'s job (no async boundary between them)", oneJob,
                "\"Route lead\" its own job (as shipped)", separateJobs));

        HistoryLevel level = engine.getHistoryLevel();
        double full = throughService(run + "-history-full", LEADS, 4);
        engine.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_ACTIVITY);
        double activity;
        try {
            activity = throughService(run + "-history-activity", LEADS, 4);
        } finally {
            engine.setHistoryLevel(level);
        }
        rows.add(tuningRow("history level activity (no variable or form history)", activity,
                "history level " + level.getName() + " (as shipped)", full));

        // Removal time: with "end" the engine stamps every history row of an instance when it ends; journeys
        // end (hand-off, disqualified), so the bare start -> end process shows that cost.
        deploy(bareComplete(BARE_COMPLETE), BARE_COMPLETE);
        String strategy = engine.getHistoryRemovalTimeStrategy();
        double atEnd = bareCompleted(LEADS, 4);
        engine.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        double atStart;
        try {
            atStart = bareCompleted(LEADS, 4);
        } finally {
            engine.setHistoryRemovalTimeStrategy(strategy);
        }
        rows.add(BenchmarkReport.Row.faster("Intake (tuning)", "history removal time set at start, bare start"
                        + " -> no-op -> end, 4 threads", atStart, "instances/s", "removal time set at " + strategy
                        + " (as shipped)", atEnd, null, null));
        return rows;
    }

    private static BenchmarkReport.Row tuningRow(String tried, double figure, String shipped, double baseline) {
        return BenchmarkReport.Row.faster("Intake (tuning)", tried + ", 4 threads", figure, "leads/s", shipped,
                baseline, null, null);
    }

    private HikariDataSource unwrapPool() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The benchmark tunes the Hikari pool; the data source is not one", e);
        }
    }

    /** Deploys the journey as shipped, or with "Route lead" running in "Score lead"'s job, as its newest version. */
    private void deployJourney(boolean asShipped) {
        BpmnModelInstance model;
        try (InputStream bpmn = new ClassPathResource(JOURNEY_RESOURCE).getInputStream()) {
            model = Bpmn.readModelFromStream(bpmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceTask route = model.getModelElementById(LeadJourney.TASK_ROUTE_LEAD);
        route.setCamundaAsyncBefore(asShipped);
        var deployment = repositoryService.createDeployment().name(asShipped ? "lead-journey" : "bench-merged-jobs")
                .addModelInstance(JOURNEY_RESOURCE, model);
        for (String form : FORMS) {
            deployment.addClasspathResource(form);
        }
        deployment.deploy();
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

    private double bareCompleted(int count, int threads) {
        return count / inParallel(count, threads, i -> runtimeService.startProcessInstanceByKey(BARE_COMPLETE));
    }

    /** start → no-op service task → end: an instance that ends, and so gets its removal time at the end. */
    private static BpmnModelInstance bareComplete(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("noop").camundaExpression("${true}").endEvent().done();
    }

    private double bare(int count, int threads) {
        double seconds = inParallel(count, threads, i -> runtimeService.startProcessInstanceByKey(BARE,
                Map.of("assignee", "rep-a")));
        return count / seconds;
    }

    private double throughService(String prefix, int count, int threads) {
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
