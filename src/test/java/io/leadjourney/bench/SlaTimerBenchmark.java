package io.leadjourney.bench;

import io.leadjourney.journey.LeadJourney;
import io.leadjourney.journey.NotificationEmail;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA timers: 10,000 journeys wait at "Accept lead" with their reminder overdue, and the job executor works them
 * off (the reminder timer's job runs "Remind rep to accept", which stores the rep's notification and starts its
 * e-mail). The baseline is the same number of bare timers (start → timer → end) on the same engine. Both are created
 * with the job executor stopped, then timed from its start until no job of theirs is left, with the job executor as
 * {@code application.yaml} configures it and the application's due-date index on the job table. The journeys stay,
 * waiting at "Accept lead" with their escalation timers not yet due, as the Tasklist benchmark's leads do after
 * them: a production database holds such journeys too.
 * Run: {@code ./mvnw verify -Pbench [-Ppostgres] -Dit.test=SlaTimerBenchmark}.
 */
class SlaTimerBenchmark extends EngineBenchmark {

    private static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    private static final int WARM_UP_TIMERS = 200;
    private static final String BARE = "bench-bare-timer";

    @Test
    void overdueSlaTimersAgainstBareTimers() {
        deploy(bareTimer(BARE), BARE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        JobExecutor executor = jobExecutor();
        String settings = executor.getMaxJobsPerAcquisition() + " per acquisition, "
                + threads(executor).getCorePoolSize() + "–" + threads(executor).getMaxPoolSize() + " threads";

        measure(run + "-warm", WARM_UP_TIMERS);
        Result result = measure(run + "-shipped", TIMERS);
        List<BenchmarkReport.Row> rows = new ArrayList<>();
        rows.add(BenchmarkReport.Row.faster("SLA timers", "accept reminders worked off (" + settings + ")",
                result.reminderJobsPerSecond(), "jobs/s", "bare timers", result.bareJobsPerSecond(),
                "≥ 1.0 × bare", result.reminderJobsPerSecond() >= result.bareJobsPerSecond()));
        rows.add(BenchmarkReport.Row.quicker("SLA timers", String.format("%,d", TIMERS) + " reminders drained",
                result.reminderSeconds(), "s", "bare timers", result.bareSeconds(), "< 60 s",
                result.reminderSeconds() < 60));
        BenchmarkReport.write(database(), "SLA timers", rows, "SLA timers: " + String.format("%,d", TIMERS)
                + " overdue accept reminders, each one job (the timer, which runs \"Remind rep to accept\"), against"
                + " as many bare timers; the job executor as application.yaml configures it (" + settings + ").");
    }

    private static org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor threads(JobExecutor executor) {
        return (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor)
                ((org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) executor).getTaskExecutor();
    }

    private record Result(double reminderSeconds, double bareSeconds) {
        double reminderJobsPerSecond() {
            return TIMERS / reminderSeconds;
        }

        double bareJobsPerSecond() {
            return TIMERS / bareSeconds;
        }
    }

    private Result measure(String prefix, int count) {
        JobExecutor executor = jobExecutor();
        executor.shutdown();
        List<Long> leads = insertLeads(prefix, count);
        startAtAcceptLead(leads, i -> "rep-" + (char) ('a' + i % 3));
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
        // Each reminder also e-mails the rep (a job of the e-mail's process, due after the reminders): they are sent
        // before the bare timers start, which would otherwise wait behind them.
        untilNoJobIsDue(900, "the reminders' e-mails", () -> jobsOf(NotificationEmail.PROCESS_ID));

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
        return new Result(reminders, bare);
    }

    private long remindersLeft() {
        return managementService.createJobQuery().processDefinitionKey(LeadJourney.PROCESS_ID).executable().count();
    }

    private long bareLeft() {
        return managementService.createJobQuery().processDefinitionKey(BARE).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
