package io.leadjourney.notification;

import io.leadjourney.IntegrationTest;
import io.leadjourney.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

/**
 * Notifications reach people by e-mail, through a real SMTP server: the rep on assignment and reminder, the
 * managers on a breach, each with a link to the lead's task; a mail server outage loses nothing.
 */
class NotificationIT extends IntegrationTest {

    private static final long WAIT = 15_000;

    @Autowired
    private NotificationRepository notifications;
    @Autowired
    private NotificationService notificationService;

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

    /** The e-mail to {@code to} about the lead, whose subject contains {@code subjectPart}. */
    private MimeMessage mail(String to, String subjectPart, long leadId) {
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
    void aMailServerOutageLosesNothing() throws InterruptedException {
        TestMailServer.stop();
        long id;
        try {
            id = lead("outage");
            runDueJobs(id);
            Notification pending = awaitAttempt(id);
            assertThat(pending.getStatus()).isEqualTo(Notification.Status.PENDING);
            assertThat(pending.getLastError()).isNotBlank();
            assertThat(pending.getNextAttemptAt()).isAfter(pending.getCreatedAt());
        } finally {
            TestMailServer.restart();
        }
        String rep = taskOf(id, TASK_ACCEPT_LEAD).getAssignee();
        mail(rep + "@leadjourney.example", "New lead to accept: outage Mailer", id);
        Notification sent = notifications.findByLeadIdOrderByIdAsc(id).get(0);
        for (int i = 0; i < 50 && sent.getStatus() != Notification.Status.SENT; i++) {
            Thread.sleep(100);
            sent = notifications.findByLeadIdOrderByIdAsc(id).get(0);
        }
        assertThat(sent.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.getAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(TestMailServer.count(TestMailServer.to(rep + "@leadjourney.example",
                "New lead to accept: outage Mailer"))).as("sent once").isEqualTo(1);
    }

    private Notification awaitAttempt(long leadId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Notification> all = notifications.findByLeadIdOrderByIdAsc(leadId);
            if (!all.isEmpty() && all.get(0).getAttempts() > 0) {
                return all.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no delivery attempt for lead " + leadId);
    }

    @Test
    void aRecipientWithoutAnAddressIsGivenUpWithTheReason() throws InterruptedException {
        String nobody = "nobody-" + System.nanoTime();
        notificationService.notify(nobody, "Nobody will read this", "Body", null);
        Notification given = null;
        for (int i = 0; i < 100; i++) {
            given = notifications.findAll().stream().filter(n -> nobody.equals(n.getRecipient())).findFirst()
                    .orElseThrow();
            if (given.getStatus() != Notification.Status.PENDING) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(given.getStatus()).isEqualTo(Notification.Status.FAILED);
        assertThat(given.getLastError()).isEqualTo("no e-mail address for " + nobody);
    }
}
