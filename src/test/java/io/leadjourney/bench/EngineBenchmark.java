package io.leadjourney.bench;

import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.support.Chunks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static io.leadjourney.support.SqlTime.utc;

/**
 * The application with its job executor running, as in production, for the benchmarks that measure the engine's
 * work: intake, SLA timers, the task list, with the production settings where the test profile differs. Timers
 * are those of the model (working time); a benchmark that needs them due moves their due dates. Helpers build the
 * bare-engine baselines and bulk data.
 */
// Notifications are e-mailed by engine jobs, as in production, to the test's mail server.
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true",
        // As in production, not as in the test profile: the tables are checked for a new version every 10 s
        // (PT0S made every evaluation query the latest definition), and the reps' closed deals, which weigh the
        // round robin, are counted once a minute.
        "leadjourney.scoring.decision-refresh=PT10S", "leadjourney.routing.win-rate-refresh=PT1M"})
abstract class EngineBenchmark extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(EngineBenchmark.class);

    static final String BENCH_REP_GROUP = "reps-bench";

    @Autowired
    protected ProcessEngineConfigurationImpl engine;
    @Autowired
    protected RepositoryService repositoryService;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected DataSource dataSource;

    protected String database() {
        return BenchmarkReport.database(dataSource);
    }

    protected JobExecutor jobExecutor() {
        return engine.getJobExecutor();
    }

    /** Deploys a bare model once per run (a new version each time, which is what a redeploy does). */
    protected void deploy(BpmnModelInstance model, String name) {
        repositoryService.createDeployment().name(name).addModelInstance(name + ".bpmn", model).deploy();
    }

    /** start → no-op service task → user task: the bare shape of intake. */
    static BpmnModelInstance bareIntake(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("noop").camundaExpression("${true}")
                .userTask("wait").camundaAssignee("${assignee}").endEvent().done();
    }

    /** start → timer (a duration from a variable) → end: the bare shape of an SLA timer. */
    static BpmnModelInstance bareTimer(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("timer").timerWithDuration("${after}").endEvent().done();
    }

    /** Lead rows without journeys, as a bulk import would leave them: answers their ids. */
    protected List<Long> insertLeads(String prefix, int count) {
        List<Object[]> rows = new ArrayList<>();
        Object now = utc(Instant.now());
        for (int i = 0; i < count; i++) {
            rows.add(new Object[]{prefix + "-" + i + "@bench.example", "Bench", "Lead " + i, "Bench Co " + i,
                    10 + (i * 37) % 3000, i % 3 == 0 ? "webinar" : "web form", "MQL", now, now});
        }
        for (List<Object[]> chunk : Chunks.of(rows, 1000)) {
            jdbc.batchUpdate("insert into lead (email, first_name, last_name, company, employees, source, stage,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk);
        }
        return jdbc.queryForList("select id from lead where email like ? order by id", Long.class, prefix + "-%");
    }

    /**
     * Journeys that have been scored and routed: started right before "Accept lead", assigned to the rep. Answers
     * the process instance's id.
     */
    protected String startAtAcceptLead(long leadId, String rep) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(LeadJourney.VAR_LEAD_ID, leadId);
        variables.put(LeadJourney.VAR_LEAD_NAME, "Bench Lead " + leadId);
        variables.put(LeadJourney.VAR_COMPANY, "Bench Co");
        variables.put(LeadJourney.VAR_ASSIGNED_REP, rep);
        variables.put(LeadJourney.VAR_ASSIGNED_GROUP, BENCH_REP_GROUP);
        variables.put(LeadJourney.VAR_MANAGER_GROUP, "managers");
        return runtimeService.createProcessInstanceByKey(LeadJourney.PROCESS_ID).businessKey(String.valueOf(leadId))
                .startBeforeActivity(LeadJourney.TASK_ACCEPT_LEAD).setVariables(variables).execute()
                .getProcessInstanceId();
    }

    /**
     * As {@link #startAtAcceptLead(long, String)} for many leads, {@value #STARTS_PER_COMMAND} to an engine command
     * (one flush, one JDBC batch per kind of row) on 4 threads: set-up, not what is measured. Answers the process
     * instances' ids in the leads' order; lead {@code i} goes to {@code rep.apply(i)}.
     */
    protected List<String> startAtAcceptLead(List<Long> leads, IntFunction<String> rep) {
        String[] journeys = new String[leads.size()];
        int commands = (leads.size() + STARTS_PER_COMMAND - 1) / STARTS_PER_COMMAND;
        inParallel(commands, 4, c -> engine.getCommandExecutorTxRequired().execute(context -> {
            for (int i = c * STARTS_PER_COMMAND; i < Math.min(leads.size(), (c + 1) * STARTS_PER_COMMAND); i++) {
                journeys[i] = startAtAcceptLead(leads.get(i), rep.apply(i));
            }
            return null;
        }));
        return List.of(journeys);
    }

    static final int STARTS_PER_COMMAND = 50;

    /** Runs {@code work} for 0..count-1 on {@code threads} threads, answering the seconds it took. */
    static double inParallel(int count, int threads, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Waits until the condition holds, polling every 200 ms; fails after {@code seconds}. Not more often: the
     * conditions count rows of big tables, and a poll every 20 ms kept one of the two cores busy (the
     * PostgreSQL statement log showed the benchmark's own count at 75 ms a time), slowing what it measured.
     */
    static void waitUntil(BooleanSupplier condition, int seconds, String what) {
        waitUntil(condition, seconds, what, () -> "");
    }

    /**
     * Waits for {@code condition}, saying every minute how it stands ({@code state}), and on a time-out failing
     * with that state, so a slow run shows where it stuck rather than only that it did.
     */
    static void waitUntil(BooleanSupplier condition, int seconds, String what, Supplier<String> state) {
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        long nextReport = started + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new AssertionError("Timed out after " + seconds + " s waiting for " + what + ". "
                        + state.get());
            }
            if (now > nextReport) {
                log.info("Waiting {} s for {}. {}", (now - started) / 1_000_000_000L, what, state.get());
                nextReport = now + 60_000_000_000L;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the job executor has run every job that is due (as {@link #waitUntil} does, with the state). */
    protected void untilNoJobIsDue(int seconds, String what, Supplier<String> state) {
        waitUntil(() -> managementService.createJobQuery().executable().count() == 0, seconds, what, state);
    }

    /** Where the jobs of a process stand: due, locked, waiting for a retry, failed, and the commonest error. */
    protected String jobsOf(String processKey) {
        OffsetDateTime now = utc(Instant.now());
        Map<String, Object> counts = jdbc.queryForMap("select count(*) as jobs,"
                + " sum(case when retries_ > 0 and lock_owner_ is null and (duedate_ is null or duedate_ <= ?)"
                + " then 1 else 0 end) as due,"
                + " sum(case when lock_owner_ is not null then 1 else 0 end) as locked,"
                + " sum(case when retries_ > 0 and exception_msg_ is not null and duedate_ > ? then 1 else 0 end)"
                + " as retrying, sum(case when retries_ = 0 then 1 else 0 end) as failed"
                + " from act_ru_job where process_def_key_ = ?", now, now, processKey);
        List<String> errors = jdbc.queryForList("select exception_msg_ from act_ru_job where process_def_key_ = ?"
                + " and exception_msg_ is not null group by exception_msg_ order by count(*) desc fetch first 1 rows"
                + " only", String.class, processKey);
        return "Jobs of " + processKey + ": " + counts + (errors.isEmpty() ? "" : "; commonest error: "
                + errors.get(0));
    }
}
