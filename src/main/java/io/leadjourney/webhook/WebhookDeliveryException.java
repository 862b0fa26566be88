package io.leadjourney.webhook;

/** A delivery that did not get a 2xx: the job is retried, and its message becomes the incident's in Cockpit. */
public class WebhookDeliveryException extends RuntimeException {

    WebhookDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
