package io.leadjourney.bench;

import io.leadjourney.journey.LeadJourney;
import io.leadjourney.support.Chunks;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA timers: 10,000 journeys wait at "Accept lead" with their reminder overdue, and the job executor works them
 * off (the timer, then "Remind rep to accept", which stores the rep's notification). The baseline is the same
 * number of bare timers (start → timer → end) on the same engine. Both are created with the job executor
 * stopped, then timed from its start until no job of theirs is left. Four cases in one run: the tuned job
 * executor without the application's due-date index on the job table, with the executor as the starter configures
 * it, with twice the tuned jobs per acquisition, and as {@code application.yaml} tunes it with the index. Each case
 * ends by deleting its journeys, whose escalation timers would otherwise wait in the job table for the next case,
 * so every case starts from the same table. The job table also holds whatever earlier benchmarks left: the suite
 * runs in alphabetical order, so on a fresh database this runs before the Tasklist benchmark. A second run on the
 * same database (PostgreSQL, or H2's file under {@code target/bench-h2}) reuses the Tasklist benchmark's 50,000
 * leads, so its job table also holds their 100,000 timers that are not due.
 * Run: {@code ./mvnw verify -Pbench [-Ppostgres] -Dit.test=SlaTimerBenchmark}.
 */
class SlaTimerBenchmark extends EngineBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerBenchmark.class);

    private static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    private static final String BARE = "bench-bare-timer";

    @Test
    void overdueSlaTimersAgainstBareTimers() {
        deploy(bareTimer(BARE), BARE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        JobExecutor executor = jobExecutor();
        Settings tuned = Settings.of(executor);

        List<BenchmarkReport.Row> rows = new ArrayList<>();
        measure(run + "-warm", 500, tuned, true);
        record Case(Settings settings, boolean indexed) {
        }
        // Twice the jobs per acquisition: each acquisition reads the due jobs, so fewer, larger ones may keep the
        // threads busier. 16 still fits the 8 threads and the queue of 16 (application.yaml).
        Settings wider = new Settings("wider", 2 * tuned.maxJobsPerAcquisition(), tuned.corePoolSize(),
                tuned.maxPoolSize());
        for (Case c : List.of(new Case(tuned, false), new Case(Settings.STARTER_DEFAULTS, true),
                new Case(wider, true), new Case(tuned, true))) {
            Result result = measure(run + "-" + c.settings().name() + c.indexed(), TIMERS, c.settings(), c.indexed());
            String how = "job executor " + c.settings().describe() + (c.indexed() ? ", with" : ", without")
                    + " the due-date index";
            rows.add(BenchmarkReport.Row.faster("SLA timers", "accept reminders worked off, " + how,
                    result.reminderJobsPerSecond(), "jobs/s", "bare timers", result.bareJobsPerSecond(),
                    "≥ 1.0 × bare", result.reminderJobsPerSecond() >= result.bareJobsPerSecond()));
            rows.add(BenchmarkReport.Row.quicker("SLA timers", String.format("%,d", TIMERS) + " reminders drained, "
                    + how, result.reminderSeconds(), "s", "bare timers", result.bareSeconds(), "< 60 s",
                    result.reminderSeconds() < 60));
        }
        tuned.applyTo(executor);
        createIndex();
        BenchmarkReport.write(database(), "SLA timers", rows, "SLA timers: " + String.format("%,d", TIMERS)
                + " overdue accept reminders, each two jobs (the timer, then the asynchronous \"Remind rep to accept\"),"
                + " against as many bare timers (one job each); jobs/s counts every job. The starter's job executor"
                + " takes 3 jobs per acquisition on 3 threads; the tuned one is configured in application.yaml"
                + " (camunda.bpm.job-execution).");
    }

    private record Result(double reminderSeconds, double bareSeconds) {
        double reminderJobsPerSecond() {
            return 2 * TIMERS / reminderSeconds;
        }

        double bareJobsPerSecond() {
            return TIMERS / bareSeconds;
        }
    }

    /** The application's index on the jobs' due date ({@code JobDueDateIndex}), off for the "without" case. */
    private static final String DUE_DATE_INDEX = "act_idx_job_duedate_lj";

    private void createIndex() {
        jdbc.execute("create index if not exists " + DUE_DATE_INDEX + " on act_ru_job (duedate_)");
    }

    private Result measure(String prefix, int count, Settings settings, boolean indexed) {
        JobExecutor executor = jobExecutor();
        executor.shutdown();
        settings.applyTo(executor);
        if (indexed) {
            createIndex();
        } else {
            jdbc.execute("drop index if exists " + DUE_DATE_INDEX);
        }
        List<Long> leads = insertLeads(prefix, count);
        String[] journeys = new String[count];
        inParallel(count, 4, i -> journeys[i] = startAtAcceptLead(leads.get(i), "rep-" + (char) ('a' + i % 3)));
        // The model reminds after a working day: the benchmark makes the reminders due now.
        jdbc.update("update act_ru_job set duedate_ = ? where job_def_id_ in (select id_ from act_ru_jobdef"
                + " where act_id_ = ?)", new java.sql.Timestamp(System.currentTimeMillis()),
                LeadJourney.TIMER_ACCEPT_REMINDER);
        PlannerStatistics.refresh(jdbc, String.format("%,d", count) + " journeys at \"Accept lead\"");
        sleep(1500);
        long start = System.nanoTime();
        executor.start();
        waitUntil(() -> remindersLeft() == 0, 900, "the reminders", () -> jobsOf(LeadJourney.PROCESS_ID));
        double reminders = (System.nanoTime() - start) / 1e9;

        executor.shutdown();
        inParallel(count, 4, i -> runtimeService.startProcessInstanceByKey(BARE, Map.of("after", "PT1S")));
        PlannerStatistics.refresh(jdbc, String.format("%,d", count) + " bare timers");
        sleep(1500);
        long bareStart = System.nanoTime();
        executor.start();
        waitUntil(() -> bareLeft() == 0, 900, "the bare timers", () -> jobsOf(BARE));
        double bare = (System.nanoTime() - bareStart) / 1e9;

        long reminded = jdbc.queryForObject("select count(*) from notification n join lead l on l.id = n.lead_id"
                + " where l.email like ? and n.subject like 'Reminder%'", Long.class, prefix + "-%");
        assertThat(reminded).as("one reminder per lead").isEqualTo(count);
        deleteJourneys(List.of(journeys));
        return new Result(reminders, bare);
    }

    /**
     * Deletes a case's journeys, which wait at "Accept lead" with their escalation timer in the job table,
     * 500 to a transaction on 4 threads. Their history stays, as a finished case's would.
     */
    private void deleteJourneys(List<String> journeys) {
        List<List<String>> chunks = Chunks.of(journeys, 500);
        double seconds = inParallel(chunks.size(), 4, i -> runtimeService.deleteProcessInstances(chunks.get(i),
                "benchmark case measured", true, true));
        log.info("Deleted the case's {} journeys in {} s", journeys.size(), String.format("%.1f", seconds));
    }

    private long remindersLeft() {
        return managementService.createJobQuery().processDefinitionKey(LeadJourney.PROCESS_ID).executable().count();
    }

    private long bareLeft() {
        return managementService.createJobQuery().processDefinitionKey(BARE).count();
    }

    /** The job executor's acquisition and threads. */
    record Settings(String name, int maxJobsPerAcquisition, int corePoolSize, int maxPoolSize) {
        static final Settings STARTER_DEFAULTS = new Settings("starter", 3, 3, 10);

        static Settings of(JobExecutor executor) {
            var pool = ((org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) executor)
                    .getTaskExecutor();
            var threads = (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor) pool;
            return new Settings("tuned", executor.getMaxJobsPerAcquisition(), threads.getCorePoolSize(),
                    threads.getMaxPoolSize());
        }

        void applyTo(JobExecutor executor) {
            executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
            var threads = (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor)
                    ((org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) executor)
                            .getTaskExecutor();
            threads.setMaxPoolSize(Math.max(maxPoolSize, threads.getCorePoolSize()));
            threads.setCorePoolSize(corePoolSize);
            threads.setMaxPoolSize(maxPoolSize);
        }

        String describe() {
            return name + " (" + maxJobsPerAcquisition + " per acquisition, " + corePoolSize + "–" + maxPoolSize
                    + " threads)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
