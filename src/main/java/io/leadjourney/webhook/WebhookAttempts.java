package io.leadjourney.webhook;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Records each attempt in a transaction of its own, so a failed attempt is on the row even though the delivery
 * job rolls back to be retried, and a delivered row stays delivered whatever happens to the job afterwards.
 */
@Component
class WebhookAttempts {

    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    WebhookAttempts(WebhookDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(long id, Integer httpStatus, String error) {
        WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
        Instant now = Instant.now(clock);
        delivery.attempted(httpStatus, error, now);
        if (error == null) {
            delivery.delivered(now);
        }
    }
}
