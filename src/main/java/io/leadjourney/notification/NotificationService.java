package io.leadjourney.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Tells a rep or a manager that something needs them. Notifications are stored in the same transaction as
 * the step that caused them, so a rolled-back step sends nothing.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_BODY = 4000;

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public void notify(String recipient, String subject, String body, Long leadId) {
        notifications.save(new Notification(recipient, cut(subject, MAX_SUBJECT), cut(body, MAX_BODY), leadId,
                Instant.now(clock)));
        log.info("Notified {}: {}", recipient, subject);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
