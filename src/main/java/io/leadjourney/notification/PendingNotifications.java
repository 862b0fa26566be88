package io.leadjourney.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Hands the notifications an earlier release stored and had not yet sent ({@code STORED}, set by migration V18) to
 * the engine, once, when the application is ready and a mail server is configured. Each is taken by an update that
 * only one node wins, so two nodes starting together start one job per notification.
 */
@Component
class PendingNotifications {

    private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final NotificationEmailStarter emails;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate transaction;

    PendingNotifications(JdbcTemplate jdbc, NotificationEmailStarter emails, ObjectProvider<JavaMailSender> mail,
                         TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.emails = emails;
        this.mail = mail;
        this.transaction = transaction;
    }

    private record Stored(long id, String recipient, Long leadId) {
    }

    /** Answers how many were handed over. */
    @EventListener(ApplicationReadyEvent.class)
    public int handOver() {
        if (mail.getIfAvailable() == null) {
            return 0;
        }
        int handed = 0;
        long after = 0;
        List<Stored> batch;
        do {
            batch = jdbc.query("select id, recipient, lead_id from notification where status = 'STORED' and id > ?"
                            + " order by id fetch first " + BATCH + " rows only",
                    (row, n) -> new Stored(row.getLong(1), row.getString(2), row.getObject(3, Long.class)), after);
            for (Stored stored : batch) {
                after = stored.id();
                try {
                    Boolean taken = transaction.execute(status -> {
                        if (jdbc.update("update notification set status = 'PENDING' where id = ?"
                                + " and status = 'STORED'", stored.id()) != 1) {
                            return false;
                        }
                        emails.start(stored.id(), stored.recipient(), stored.leadId());
                        return true;
                    });
                    handed += Boolean.TRUE.equals(taken) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.error("Notification {} stays STORED: its e-mail job could not be started", stored.id(), e);
                }
            }
        } while (batch.size() == BATCH);
        if (handed > 0) {
            log.info("{} notification(s) stored by an earlier release handed to the engine to be e-mailed", handed);
        }
        return handed;
    }
}
