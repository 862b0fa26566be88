package io.leadjourney.notification;

import io.leadjourney.support.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.leadjourney.support.SqlTime.utc;

/**
 * E-mails stored notifications: the outbox's sender. Each delivery first claims its row, so several nodes never
 * send the same message; a failure is tried again later (the wait doubles each time) and given up as FAILED after
 * the last attempt, with the error kept on the row. The message links to the lead's open task in Tasklist.
 */
@Component
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    /** Notifications taken, and sent over one connection, at a time. */
    static final int BATCH = 50;
    /** Notifications one round sends at most, so other work gets its turn. */
    static final int MAX_PER_ROUND = 1000;
    /** How long a claim holds: a node that dies while sending releases the row after this. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 1000;

    private static final String DUE = "select id, recipient, subject, body, lead_id, attempts from notification"
            + " where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)"
            + " order by id fetch first " + BATCH + " rows only";
    private static final String CLAIM_ROW = "update notification set claimed_until = ? where id = ?"
            + " and status = 'PENDING' and (claimed_until is null or claimed_until < ?)";
    private static final String SENT = "update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1,"
            + " claimed_until = null, last_error = null where id = ?";
    private static final String FAILED = "update notification set status = ?, attempts = attempts + 1,"
            + " next_attempt_at = ?, claimed_until = null, last_error = ? where id = ?";

    private record Due(long id, String recipient, String subject, String body, Long leadId, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final RecipientDirectory recipients;
    private final MailProperties properties;
    private final Clock clock;

    NotificationMailer(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, RecipientDirectory recipients,
                       MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.recipients = recipients;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends what is due, a batch at a time over one connection to the mail server, until nothing is due or a
     * round has sent {@value #MAX_PER_ROUND}; answers how many were sent. Runs every
     * {@code leadjourney.mail.poll-interval}.
     */
    @Scheduled(fixedDelayString = "${leadjourney.mail.poll-interval}", initialDelayString = "PT5S")
    public int deliverDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (sent < MAX_PER_ROUND) {
            Instant now = Instant.now(clock);
            List<Due> due = jdbc.query(DUE, (row, n) -> new Due(row.getLong(1), row.getString(2), row.getString(3),
                    row.getString(4), (Long) row.getObject(5, Long.class), row.getInt(6)), utc(now), utc(now));
            List<Due> claimed = due.stream()
                    .filter(n -> jdbc.update(CLAIM_ROW, utc(now.plus(CLAIM)), n.id(), utc(now)) == 1).toList();
            if (claimed.isEmpty()) {
                return sent;
            }
            sent += deliver(sender, claimed);
        }
        return sent;
    }

    private int deliver(JavaMailSender sender, List<Due> batch) {
        Instant now = Instant.now(clock);
        Map<SimpleMailMessage, Due> messages = new LinkedHashMap<>();
        for (Due notification : batch) {
            List<String> to = recipients.addressesOf(notification.recipient());
            if (to.isEmpty()) {
                fail(notification, now, "no e-mail address for " + notification.recipient(), true);
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(to.toArray(String[]::new));
            message.setSubject("[Lead Journey] " + notification.subject());
            message.setText(text(notification));
            messages.put(message, notification);
        }
        if (messages.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failed = new IdentityHashMap<>();
        try {
            sender.send(messages.keySet().toArray(SimpleMailMessage[]::new));
        } catch (MailSendException e) {
            failed.putAll(e.getFailedMessages());
            if (failed.isEmpty()) {
                messages.keySet().forEach(message -> failed.put(message, e));
            }
        } catch (MailException e) {
            messages.keySet().forEach(message -> failed.put(message, e));
        }
        int sent = 0;
        for (Map.Entry<SimpleMailMessage, Due> entry : messages.entrySet()) {
            Exception error = failed.get(entry.getKey());
            if (error == null) {
                jdbc.update(SENT, utc(now), entry.getValue().id());
                sent++;
            } else {
                fail(entry.getValue(), now, error.getMessage(), false);
            }
        }
        return sent;
    }

    private String text(Due notification) {
        StringBuilder text = new StringBuilder(notification.body() == null ? notification.subject()
                : notification.body());
        if (notification.leadId() != null) {
            text.append("\n\nOpen the lead's task in Tasklist: ").append(link(notification.leadId()));
        }
        return text.append("\n\n-- \nLead Journey").toString();
    }

    /** The link in messages: it leads to the lead's open task in Tasklist ({@code LeadLinkController}). */
    public String link(long leadId) {
        return properties.baseUrl().replaceAll("/+$", "") + "/go/leads/" + leadId;
    }

    private void fail(Due notification, Instant now, String error, boolean permanent) {
        int attempts = notification.attempts() + 1;
        boolean givingUp = permanent || attempts >= properties.maxAttempts();
        Instant next = now.plus(properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 20)));
        String reason = error == null ? "unknown error" : Text.cut(error, MAX_ERROR);
        jdbc.update(FAILED, givingUp ? "FAILED" : "PENDING", utc(next), reason, notification.id());
        if (givingUp) {
            log.error("Notification {} to {} given up after {} attempt(s): {}", notification.id(),
                    notification.recipient(), attempts, reason);
        } else {
            log.warn("Notification {} to {} failed (attempt {}), next try at {}: {}", notification.id(),
                    notification.recipient(), attempts, next, reason);
        }
    }

}
