package io.leadjourney.notification;

import io.leadjourney.support.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Tells a rep or a manager that something needs them. Notifications are stored in the same transaction as
 * the step that caused them, with the job that e-mails each ({@link NotificationEmailStarter}), so a rolled-back step
 * sends nothing. The recipient is a user id, or a group id (every member with an e-mail address).
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_BODY = 4000;

    private final NotificationRepository notifications;
    private final NotificationEmailStarter emails;
    private final boolean mailOn;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, NotificationEmailStarter emails,
                        ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.notifications = notifications;
        this.emails = emails;
        this.mailOn = mail.getIfAvailable() != null;
        this.clock = clock;
        if (!mailOn) {
            log.info("No mail server configured (spring.mail.host): notifications are stored, not e-mailed");
        }
    }

    @Transactional
    public void notify(String recipient, String subject, String body, Long leadId) {
        Notification stored = notifications.save(new Notification(recipient, Text.cut(subject, MAX_SUBJECT),
                Text.cut(body, MAX_BODY), leadId, Instant.now(clock), mailOn));
        if (mailOn) {
            emails.start(stored.getId(), recipient, leadId);
        }
        log.debug("Notified {}: {}", recipient, subject);
    }
}
