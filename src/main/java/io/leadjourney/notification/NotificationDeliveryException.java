package io.leadjourney.notification;

/** An e-mail the mail server did not take; the job that sent it is retried. */
public class NotificationDeliveryException extends RuntimeException {

    NotificationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
