package io.leadjourney.notification;

import io.leadjourney.IntegrationTest;
import io.leadjourney.TestMailServer;
import io.leadjourney.journey.NotificationEmail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD;
import static io.leadjourney.journey.LeadJourney.TIMER_ACCEPT_ESCALATION;
import static io.leadjourney.journey.LeadJourney.TIMER_ACCEPT_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notifications reach people by e-mail, through a real SMTP server: the rep on assignment and reminder, the
 * managers on a breach, each with a link to the lead's task; each by an engine job ("E-mail a notification"), so a mail
 * server outage loses nothing and a rolled-back step sends nothing.
 */
class NotificationIT extends IntegrationTest {

    private static final long WAIT = 15_000;

    @Autowired
    private NotificationRepository notifications;
    @Autowired
    private NotificationService notificationService;
    @Autowired
    private PendingNotifications pendingNotifications;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transaction;

    private long lead(String who) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", uniqueEmail(who));
        lead.put("firstName", who);
        lead.put("lastName", "Mailer");
        lead.put("company", who + " GmbH");
        lead.put("employees", 20);
        lead.put("wantsContact", true);
        return captureLead(lead);
    }

    /** The e-mail to {@code to} about the lead, whose subject contains {@code subjectPart}, once the jobs ran. */
    private MimeMessage mail(String to, String subjectPart, long leadId) {
        assertThat(emailNotifications()).as("e-mail jobs that failed").isEmpty();
        return TestMailServer.await(message -> TestMailServer.to(to, subjectPart).test(message)
                        && TestMailServer.body(message).matches("(?s).*/go/leads/" + leadId + "\\R.*"), WAIT)
                .orElseThrow(() -> new AssertionError("no e-mail to " + to + " about '" + subjectPart
                        + "' for lead " + leadId));
    }

    @Test
    void theRepHearsOfTheAssignmentAndTheReminderAndTheManagersOfTheBreach() throws IOException {
        long id = lead("mailed");
        runDueJobs(id);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        String rep = accept.getAssignee();

        MimeMessage assigned = mail(rep + "@leadjourney.example", "New lead to accept: mailed Mailer", id);
        assertThat(TestMailServer.body(assigned)).contains("Routing: Companies with 11-50 employees");

        HttpURLConnection link = (HttpURLConnection) URI.create(http.getRootUri() + "/go/leads/" + id).toURL()
                .openConnection();
        link.setInstanceFollowRedirects(false);
        assertThat(link.getResponseCode()).as("the link in the e-mail").isEqualTo(302);
        assertThat(link.getHeaderField("Location")).endsWith("/camunda/app/tasklist/default/#/?task=" + accept.getId());

        fireTimer(id, TIMER_ACCEPT_REMINDER);
        mail(rep + "@leadjourney.example", "Reminder: accept lead mailed Mailer", id);

        fireTimer(id, TIMER_ACCEPT_ESCALATION);
        MimeMessage breach = mail("manager@leadjourney.example", "SLA breach: accept lead", id);
        assertThat(TestMailServer.body(breach)).contains("missed by " + rep);
    }

    @Test
    void aMailServerOutageLosesNothing() {
        TestMailServer.stop();
        long id;
        Job retried;
        try {
            id = lead("outage");
            runDueJobs(id);
            assertThat(emailNotifications()).as("the attempt during the outage").isNotEmpty();
            Notification pending = notifications.findByLeadIdOrderByIdAsc(id).get(0);
            assertThat(pending.getStatus()).isEqualTo(Notification.Status.PENDING);
            assertThat(pending.getAttempts()).isEqualTo(1);
            assertThat(pending.getLastError()).isNotBlank();
            retried = emailJob(pending.getId());
            assertThat(retried.getExceptionMessage()).as("the failure, on the job in Cockpit").isNotBlank();
            assertThat(retried.getRetries()).as("retries left after the first of five attempts").isEqualTo(4);
            assertThat(retried.getDuedate().toInstant()).as("the next attempt, a minute later")
                    .isAfter(pending.getCreatedAt().plusSeconds(50));
        } finally {
            TestMailServer.restart();
        }
        assertThat(emailNotifications()).as("nothing due before the retry's time").isEmpty();
        managementService.executeJob(retried.getId());
        String rep = taskOf(id, TASK_ACCEPT_LEAD).getAssignee();
        mail(rep + "@leadjourney.example", "New lead to accept: outage Mailer", id);
        Notification sent = notifications.findByLeadIdOrderByIdAsc(id).get(0);
        assertThat(sent.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(TestMailServer.count(TestMailServer.to(rep + "@leadjourney.example",
                "New lead to accept: outage Mailer"))).as("sent once").isEqualTo(1);
        assertThat(emailJobs(sent.getId())).as("the instance ended with the e-mail").isEmpty();
    }

    @Test
    void aNotificationIsNotSentWhenTheStepThatMadeItRollsBack() {
        String recipient = "rolled-back-" + System.nanoTime();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            notificationService.notify(recipient, "Never sent", "Body", null);
            throw new IllegalStateException("the step fails");
        })).hasMessage("the step fails");
        assertThat(notifications.findAll()).noneMatch(n -> recipient.equals(n.getRecipient()));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationEmail.PROCESS_ID)
                .variableValueEquals(NotificationEmail.VAR_RECIPIENT, recipient).count()).isZero();
    }

    /** Rows an earlier release's outbox had not sent yet (marked STORED by migration V18) get their jobs once. */
    @Test
    void notificationsAnEarlierReleaseStoredAreEmailedAfterTheUpgrade() {
        String subject = "Stored before the upgrade " + System.nanoTime();
        jdbc.update("insert into notification (recipient, subject, body, created_at, status, attempts)"
                + " values ('manager', ?, 'Body', current_timestamp, 'STORED', 2)", subject);
        long id = jdbc.queryForObject("select id from notification where subject = ?", Long.class, subject);

        assertThat(pendingNotifications.handOver()).isGreaterThanOrEqualTo(1);
        assertThat(pendingNotifications.handOver()).as("handed over once").isZero();
        assertThat(emailJob(id)).isNotNull();
        assertThat(emailNotifications()).isEmpty();

        assertThat(TestMailServer.await(TestMailServer.to("manager@leadjourney.example", subject), WAIT)).isPresent();
        Notification sent = notifications.findById(id).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.getAttempts()).as("the outbox's two attempts and this one").isEqualTo(3);
    }

    private List<Job> emailJobs(long notificationId) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(NotificationEmail.BUSINESS_KEY_PREFIX + notificationId).list().stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).list()
                        .stream()).toList();
    }

    private Job emailJob(long notificationId) {
        List<Job> jobs = emailJobs(notificationId);
        assertThat(jobs).as("the e-mail job of notification %s", notificationId).hasSize(1);
        return jobs.get(0);
    }

    @Test
    void aRecipientWithoutAnAddressIsGivenUpWithTheReason() {
        String nobody = "nobody-" + System.nanoTime();
        notificationService.notify(nobody, "Nobody will read this", "Body", null);
        assertThat(emailNotifications()).as("no incident: another attempt would not help").isEmpty();
        Notification given = notifications.findAll().stream().filter(n -> nobody.equals(n.getRecipient()))
                .findFirst().orElseThrow();
        assertThat(given.getStatus()).isEqualTo(Notification.Status.FAILED);
        assertThat(given.getLastError()).isEqualTo("no e-mail address for " + nobody);
        assertThat(emailJobs(given.getId())).isEmpty();
    }
}
