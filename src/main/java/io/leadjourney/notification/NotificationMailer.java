package io.leadjourney.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * E-mails one stored notification. Called by the "E-mail notification" step, whose job the engine retries on
 * failure (the cycle is in notification-email.bpmn) and turns into an incident when the retries are used up; each
 * attempt is on the row ({@link NotificationAttempts}). A recipient without an address is given up at once, as
 * FAILED with the reason. The message links to the lead's open task in Tasklist.
 * <p>
 * Delivery is at least once: if the node dies after the mail server took the message and before that is recorded,
 * the job runs again.
 */
@Service
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final RecipientDirectory recipients;
    private final NotificationAttempts attempts;
    private final MailProperties properties;

    NotificationMailer(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail,
                       RecipientDirectory recipients, NotificationAttempts attempts, MailProperties properties) {
        this.notifications = notifications;
        this.mail = mail;
        this.recipients = recipients;
        this.attempts = attempts;
        this.properties = properties;
    }

    /**
     * Sends the notification unless it was sent, given up or erased before; throws {@link NotificationDeliveryException}
     * when the mail server does not take it.
     */
    public void send(long id) {
        Notification notification = notifications.findById(id).orElse(null);
        if (notification == null) {
            log.info("Notification {} is gone (its lead's personal data was erased): nothing to send", id);
            return;
        }
        if (notification.getStatus() != Notification.Status.PENDING) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new NotificationDeliveryException("Notification " + id + " to " + notification.getRecipient()
                    + ": no mail server is configured (spring.mail.host)", null);
        }
        List<String> to = recipients.addressesOf(notification.getRecipient());
        if (to.isEmpty()) {
            String why = "no e-mail address for " + notification.getRecipient();
            attempts.failed(id, why, true);
            log.error("Notification {} given up: {}", id, why);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject("[Lead Journey] " + notification.getSubject());
        message.setText(text(notification));
        try {
            sender.send(message);
        } catch (MailException e) {
            attempts.failed(id, e.getMessage(), false);
            String failure = "Notification " + id + " to " + notification.getRecipient() + " failed on attempt "
                    + (notification.getAttempts() + 1) + ": " + e.getMessage();
            log.warn(failure);
            throw new NotificationDeliveryException(failure, e);
        }
        attempts.sent(id);
    }

    private String text(Notification notification) {
        StringBuilder text = new StringBuilder(notification.getBody() == null ? notification.getSubject()
                : notification.getBody());
        if (notification.getLeadId() != null) {
            text.append("\n\nOpen the lead's task in Tasklist: ").append(link(notification.getLeadId()));
        }
        return text.append("\n\n-- \nLead Journey").toString();
    }

    /** The link in messages: it leads to the lead's open task in Tasklist ({@code LeadLinkController}). */
    public String link(long leadId) {
        return properties.baseUrl().replaceAll("/+$", "") + "/go/leads/" + leadId;
    }
}
