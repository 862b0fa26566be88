package io.leadjourney.notification;

/**
 * Starts what e-mails a stored notification, in the caller's transaction (so a rolled-back step sends nothing):
 * the "E-mail a notification" process, whose job the engine runs, retries and turns into an incident.
 */
public interface NotificationEmailStarter {

    void start(long notificationId, String recipient, Long leadId);
}
