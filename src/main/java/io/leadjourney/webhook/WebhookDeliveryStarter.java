package io.leadjourney.webhook;

/** Starts what delivers an outbox row, in the caller's transaction: the "Deliver hand-off event" process. */
public interface WebhookDeliveryStarter {

    void start(WebhookDelivery delivery);
}
