package io.leadjourney.journey;

import io.leadjourney.IntegrationTest;
import io.leadjourney.scoring.ScoringService;
import io.leadjourney.support.EngineConflicts;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything that touches a lead at once: engagement events (single and in batches), the rep accepting and
 * contacting it through engine-rest as Tasklist does, the SLA reminder timers and async steps the job executor
 * would run, and readers of the API and the task list. No client may see a 5xx or a conflict, no event may be
 * lost, and every lead ends where exactly one journey has taken it.
 */
class ConcurrencyIT extends IntegrationTest {

    private static final int LEADS_AT_SALES = 8;
    private static final int LEADS_IN_NURTURE = 4;
    private static final int SINGLE_EVENTS_PER_LEAD = 12;
    private static final int BATCHES = 6;
    private static final String[] TYPES = {"EMAIL_OPENED", "BLOG_POST_READ", "EMAIL_CLICKED", "CONTENT_DOWNLOADED"};

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ScoringService scoring;

    private final ConcurrentLinkedQueue<String> clientErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger clientCalls = new AtomicInteger();
    private final AtomicInteger jobConflicts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final Map<Long, AtomicInteger> postedEvents = new ConcurrentHashMap<>();

    @Test
    void eventsTaskWorkTimersAndReadsOnTheSameLeadsLoseNothingAndShowNoConflict() throws Exception {
        List<Long> atSales = new ArrayList<>();
        for (int i = 0; i < LEADS_AT_SALES; i++) {
            long id = captureLead(Map.of("email", uniqueEmail("race"), "firstName", "Race", "company", "Race Ltd",
                    "employees", 30, "role", "CFO", "wantsContact", true));
            runDueJobs(id);
            assertThat(taskOf(id, LeadJourney.TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-b");
            atSales.add(id);
        }
        List<Long> inNurture = new ArrayList<>();
        for (int i = 0; i < LEADS_IN_NURTURE; i++) {
            Map<String, Object> lead = new HashMap<>(Map.of("email", uniqueEmail("race-nurture"), "firstName", "Nur",
                    "company", "Slow GmbH", "employees", 20, "role", "CTO", "industry", "Software"));
            long id = captureLead(lead);
            runDueJobs(id);
            assertThat(stageOf(id)).isEqualTo("NURTURE");
            inNurture.add(id);
        }
        List<Long> all = new ArrayList<>(atSales);
        all.addAll(inNurture);
        all.forEach(id -> postedEvents.put(id, new AtomicInteger()));

        AtomicBoolean working = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        writers.add(pool.submit(() -> singleEvents(start, atSales, 0)));
        writers.add(pool.submit(() -> singleEvents(start, atSales, 1)));
        writers.add(pool.submit(() -> batches(start, all)));
        writers.add(pool.submit(() -> repWorksTheirTasks(start, atSales)));
        writers.add(pool.submit(() -> remindersFire(start, atSales)));
        writers.add(pool.submit(() -> nurturedLeadsReengageWhileGoingDormant(start, inNurture)));
        List<Future<?>> background = List.of(
                pool.submit(() -> jobExecutor(start, all, working)),
                pool.submit(() -> readers(start, all, working)));
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(3, TimeUnit.MINUTES);
        }
        working.set(false);
        for (Future<?> reader : background) {
            reader.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        all.forEach(this::runDueJobs);

        System.out.printf("Concurrency: %d client calls (%d rounds of reads), %d failed; %d job conflicts (retried"
                + " by the job executor)%n", clientCalls.get(), reads.get(), clientErrors.size(), jobConflicts.get());
        assertThat(clientErrors).as("answers that were not 2xx").isEmpty();
        assertThat(reads.get()).as("rounds of reads while the writers ran").isPositive();

        for (long id : all) {
            Integer stored = jdbc.queryForObject("select count(*) from engagement_event where lead_id = ?",
                    Integer.class, id);
            assertThat(stored).as("events of lead %s", id).isEqualTo(postedEvents.get(id).get());
            int incremental = scoring.receipt(id).engagementScore();
            jdbc.update("update lead set tally_basis = null where id = ?", id);
            assertThat(scoring.receipt(id).engagementScore()).as("score of lead %s rebuilt from its events", id)
                    .isEqualTo(incremental);
        }
        for (long id : atSales) {
            assertThat(stageOf(id)).isEqualTo("SAL");
            assertThat(transitions(id, "MQL", "SAL")).as("lead %s accepted once", id).isEqualTo(1);
            assertThat(taskOf(id, LeadJourney.TASK_CONTACT_ATTEMPT)).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from contact_attempt where lead_id = ?", Integer.class,
                    id)).as("first contact of lead %s logged once", id).isEqualTo(1);
        }
        for (long id : inNurture) {
            assertThat(stageOf(id)).as("lead %s re-engaged or woke up: %s", id, lead(id)).isEqualTo("MQL");
            List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(id)).list();
            assertThat(running).as("running journeys of lead %s", id).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from stage_transition where lead_id = ? and to_stage = 'MQL'",
                    Integer.class, id)).as("lead %s became an MQL once", id).isEqualTo(1);
        }
    }

    private void singleEvents(CountDownLatch start, List<Long> leads, int offset) {
        await(start);
        for (int round = 0; round < SINGLE_EVENTS_PER_LEAD / 2; round++) {
            for (long id : leads) {
                ResponseEntity<String> answer = send(INTEGRATION, HttpMethod.POST, "/api/leads/" + id + "/events",
                        "{\"type\":\"" + TYPES[(round + offset) % TYPES.length] + "\",\"occurredAt\":\""
                                + Instant.now().minusSeconds(60) + "\"}");
                if (answer.getStatusCode().is2xxSuccessful()) {
                    postedEvents.get(id).incrementAndGet();
                }
            }
        }
    }

    /** Each batch names every lead, in a shuffled order: the service locks them in id order. */
    private void batches(CountDownLatch start, List<Long> leads) {
        await(start);
        for (int batch = 0; batch < BATCHES; batch++) {
            List<Long> order = new ArrayList<>(leads);
            Collections.shuffle(order);
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int i = 0; i < order.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"eventId\":\"race-").append(order.get(i)).append('-')
                        .append(batch).append("\",\"leadId\":").append(order.get(i)).append(",\"type\":\"")
                        .append(TYPES[(batch + i) % TYPES.length]).append("\",\"occurredAt\":\"")
                        .append(Instant.now().minusSeconds(120)).append("\"}");
            }
            ResponseEntity<String> answer = send(INTEGRATION, HttpMethod.POST, "/api/events", body + "]}");
            if (answer.getStatusCode().is2xxSuccessful()) {
                order.forEach(id -> postedEvents.get(id).incrementAndGet());
            }
        }
    }

    /** The rep accepts each lead and logs the first call, through engine-rest like Tasklist. */
    private void repWorksTheirTasks(CountDownLatch start, List<Long> leads) {
        await(start);
        for (long id : leads) {
            Task accept = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
            send("rep-b", HttpMethod.POST, "/engine-rest/task/" + accept.getId() + "/complete",
                    "{\"variables\":{\"" + LeadJourney.VAR_ACCEPT_DECISION + "\":{\"value\":\""
                            + LeadJourney.DECISION_ACCEPT + "\"}}}");
        }
        for (long id : leads) {
            Task firstContact = waitForTask(id, LeadJourney.TASK_FIRST_CONTACT);
            send("rep-b", HttpMethod.POST, "/engine-rest/task/" + firstContact.getId() + "/complete",
                    "{\"variables\":{\"" + LeadJourney.VAR_CONTACT_CHANNEL + "\":{\"value\":\"CALL\"},\""
                            + LeadJourney.VAR_LEAD_REACHED + "\":{\"value\":false},\""
                            + LeadJourney.VAR_CONTACT_NOTE + "\":{\"value\":\"Voicemail\"}}}");
        }
    }

    /** The accept reminders come due while the rep works: the job executor fires them. */
    private void remindersFire(CountDownLatch start, List<Long> leads) {
        await(start);
        for (long id : leads) {
            for (Job timer : timersOf(id, LeadJourney.TIMER_ACCEPT_REMINDER)) {
                executeAsJobExecutor(timer.getId());
            }
        }
    }

    /** Nurtured leads cross the threshold while their inactivity timer fires. */
    private void nurturedLeadsReengageWhileGoingDormant(CountDownLatch start, List<Long> leads) {
        await(start);
        for (long id : leads) {
            List<Job> timers = timersOf(id, LeadJourney.EVENT_NURTURE_INACTIVE);
            Thread dormancy = new Thread(() -> timers.forEach(timer -> executeAsJobExecutor(timer.getId())));
            dormancy.start();
            for (String type : new String[]{"CONTENT_DOWNLOADED", "PRICING_PAGE_VISITED"}) {
                ResponseEntity<String> answer = send(INTEGRATION, HttpMethod.POST, "/api/leads/" + id + "/events",
                        "{\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now() + "\"}");
                if (answer.getStatusCode().is2xxSuccessful()) {
                    postedEvents.get(id).incrementAndGet();
                }
            }
            join(dormancy);
        }
    }

    /** What the job executor would do: run the async steps of these journeys as they come due. */
    private void jobExecutor(CountDownLatch start, List<Long> leads, AtomicBoolean working) {
        await(start);
        while (working.get()) {
            for (long id : leads) {
                for (ProcessInstance journey : runtimeService.createProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(id)).list()) {
                    managementService.createJobQuery().processInstanceId(journey.getId()).executable().list()
                            .forEach(job -> executeAsJobExecutor(job.getId()));
                }
            }
        }
    }

    private void readers(CountDownLatch start, List<Long> leads, AtomicBoolean working) {
        await(start);
        while (working.get()) {
            for (long id : leads) {
                send(INTEGRATION, HttpMethod.GET, "/api/leads/" + id, null);
                send(INTEGRATION, HttpMethod.GET, "/api/leads/" + id + "/score", null);
            }
            send("rep-b", HttpMethod.GET, "/engine-rest/task?assignee=rep-b&maxResults=200", null);
            send("manager", HttpMethod.GET, "/api/funnel?from=" + LocalDate.now().minusDays(30) + "&to="
                    + LocalDate.now(), null);
            reads.incrementAndGet();
        }
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.withBasicAuth(user, user).exchange(path, method,
                new HttpEntity<>(body, headers), String.class);
        clientCalls.incrementAndGet();
        if (!answer.getStatusCode().is2xxSuccessful()) {
            clientErrors.add(method + " " + path + " as " + user + ": " + answer.getStatusCode().value() + " "
                    + answer.getBody());
        }
        return answer;
    }

    /**
     * Like the job executor: a lost race (optimistic locking, or a PostgreSQL deadlock victim) leaves the job for a
     * later try, a job already gone is nothing to do.
     */
    private void executeAsJobExecutor(String jobId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                managementService.executeJob(jobId);
                return;
            } catch (ProcessEngineException failure) {
                if (EngineConflicts.lostRace(failure)) {
                    jobConflicts.incrementAndGet();
                    continue;
                }
                if (managementService.createJobQuery().jobId(jobId).count() == 0) {
                    return;
                }
                throw failure;
            }
        }
        throw new AssertionError("Job " + jobId + " lost every race");
    }

    private List<Job> timersOf(long leadId, String activityId) {
        List<Job> timers = new ArrayList<>();
        for (ProcessInstance journey : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(leadId)).list()) {
            timers.addAll(managementService.createJobQuery().processInstanceId(journey.getId())
                    .activityId(activityId).timers().list());
        }
        return timers;
    }

    private Task waitForTask(long leadId, String taskDefinitionKey) {
        for (int i = 0; i < 600; i++) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(leadId))
                    .taskDefinitionKey(taskDefinitionKey).singleResult();
            if (task != null) {
                return task;
            }
            sleep(50);
        }
        throw new AssertionError("No " + taskDefinitionKey + " for lead " + leadId);
    }

    private int transitions(long leadId, String from, String to) {
        return jdbc.queryForObject("select count(*) from stage_transition where lead_id = ? and from_stage = ?"
                + " and to_stage = ?", Integer.class, leadId, from, to);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
