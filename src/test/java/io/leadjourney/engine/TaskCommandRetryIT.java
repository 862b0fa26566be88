package io.leadjourney.engine;

import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race Camunda leaves to the caller, played out on purpose: the rep completes "Accept lead" through
 * engine-rest while the accept reminder fires on the same journey and commits first. The rep still gets 204.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskCommandRetryIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private DataSource dataSource;

    @Test
    void aRepCompletingATaskWhileItsReminderFiresGetsTheAnswerNotTheConflict(CapturedOutput output) throws Exception {
        long id = captureLead(Map.of("email", uniqueEmail("retry"), "firstName", "Ray", "company", "Retry Ltd",
                "employees", 30, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        Task accept = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
        Job reminder = managementService.createJobQuery().processInstanceId(accept.getProcessInstanceId())
                .activityId(LeadJourney.TIMER_ACCEPT_REMINDER).singleResult();

        // Hold the lead's row: the completion stops in "Mark lead accepted", after it has read the journey.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String lockLead = "select id from lead where id = ? " + rowLock();
        boolean postgres = isPostgres();
        AtomicReference<Object> holderSession = new AtomicReference<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            jdbc.queryForList(lockLead, id);
            holderSession.set(jdbc.queryForObject(postgres ? "select pg_backend_pid()" : "select session_id()",
                    Object.class));
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ResponseEntity<String>> completion = CompletableFuture.supplyAsync(() -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return http.withBasicAuth("rep-b", "rep-b").exchange("/engine-rest/task/" + accept.getId() + "/complete",
                    HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"acceptDecision\":{\"value\":\"ACCEPT\"}}}",
                            headers), String.class);
        });
        waitUntilBlockedBy(holderSession.get(), postgres);

        // Meanwhile the reminder comes due and commits: it changes the journey the completion has read.
        managementService.executeJob(reminder.getId());
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        ResponseEntity<String> answer = completion.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(204);
        // Logged rather than counted here: with several test contexts in one JVM, engine-rest serves whichever
        // engine registered last under Camunda's static name "default", and its meter registry is not ours.
        assertThat(output.getOut()).as("completion run again")
                .contains("CompleteTaskCmd lost a race with a concurrent change, trying again (2 of 4)");
        runDueJobs(id);
        assertThat(stageOf(id)).isEqualTo("SAL");
        assertThat(taskOf(id, LeadJourney.TASK_FIRST_CONTACT)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from stage_transition where lead_id = ? and to_stage = 'SAL'",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where lead_id = ? and subject like"
                + " 'Reminder%'", Integer.class, id)).as("the reminder went out once").isEqualTo(1);
    }

    /**
     * PostgreSQL: a key-share lock (the reminder's notification row references the lead) must not wait behind
     * ours, so "no key update"; it still blocks the completion's "for update".
     */
    private String rowLock() throws Exception {
        return isPostgres() ? "for no key update" : "for update";
    }

    private boolean isPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** Until a database session waits for the holder's lock: the completion has read the journey and stopped. */
    private void waitUntilBlockedBy(Object holderSession, boolean postgres) throws Exception {
        String waiting = postgres
                ? "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))"
                : "select count(*) from information_schema.sessions where blocker_id = ?";
        for (int i = 0; i < 200; i++) {
            if (jdbc.queryForObject(waiting, Integer.class, holderSession) > 0) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("The completion never reached the lead's row lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
