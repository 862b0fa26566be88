package io.leadjourney.journey;

/** Ids of notification-email.bpmn: one instance e-mails one stored notification. */
public final class NotificationEmail {

    public static final String PROCESS_ID = "notification-email";
    public static final String TASK_EMAIL = "ServiceTask_EmailNotification";
    public static final String VAR_NOTIFICATION_ID = "notificationId";
    public static final String VAR_RECIPIENT = "recipient";
    /** Business keys are "notification-" and the row's id (a lead's key, its id alone, belongs to its journey). */
    public static final String BUSINESS_KEY_PREFIX = "notification-";

    private NotificationEmail() {
    }
}
