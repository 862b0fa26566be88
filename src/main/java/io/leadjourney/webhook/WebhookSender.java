package io.leadjourney.webhook;

import io.leadjourney.support.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Sends one outbox row to its target, signed, and records the attempt. Called by the "Deliver hand-off event"
 * step, whose job the engine retries on failure (the cycle is in hand-off-webhook.bpmn) and turns into an
 * incident when the retries are used up.
 * <p>
 * Delivery is at least once: if the node dies after the receiver answered and before the answer is recorded, the
 * job runs again and sends the same {@code X-LeadJourney-Delivery} id, by which the receiver recognises it.
 */
@Service
public class WebhookSender {

    static final String EVENT_HEADER = "X-LeadJourney-Event";
    static final String DELIVERY_HEADER = "X-LeadJourney-Delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int ANSWER_EXCERPT = 300;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttempts attempts;
    private final WebhookProperties properties;
    private final HttpClient http;
    private final Clock clock;

    WebhookSender(WebhookDeliveryRepository deliveries, WebhookAttempts attempts, WebhookProperties properties,
                  Clock clock) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends the delivery unless it was delivered before; throws {@link WebhookDeliveryException} on failure. */
    public void deliver(String deliveryId) {
        WebhookDelivery delivery = deliveries.findByDeliveryId(deliveryId).orElseThrow(() ->
                new IllegalStateException("No webhook delivery " + deliveryId));
        if (delivery.getStatus() == WebhookDelivery.Status.DELIVERED) {
            return;
        }
        WebhookProperties.Target target = properties.targets().stream()
                .filter(candidate -> candidate.name().equals(delivery.getTargetName())).findFirst()
                .orElseThrow(() -> fail(delivery, null, "the target '" + delivery.getTargetName()
                        + "' is no longer configured (leadjourney.webhooks.targets)", null));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(properties.timeout())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .header(HttpHeaders.USER_AGENT, "LeadJourney-Webhook/1")
                .header(EVENT_HEADER, delivery.getEventType().wireName())
                .header(DELIVERY_HEADER, delivery.getDeliveryId())
                .header(WebhookSignature.HEADER, WebhookSignature.header(target.secret(), timestamp,
                        delivery.getPayload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw fail(delivery, null, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(delivery, null, "interrupted", e);
        }
        if (answer.statusCode() / 100 != 2) {
            String body = answer.body() == null ? "" : answer.body();
            throw fail(delivery, answer.statusCode(), "answered " + answer.statusCode() + ": "
                    + Text.cut(body, ANSWER_EXCERPT), null);
        }
        attempts.record(delivery.getId(), answer.statusCode(), null);
        log.info("Lead {}: {} delivered to {} ({})", delivery.getLeadId(), delivery.getEventType().wireName(),
                target, answer.statusCode());
    }

    private WebhookDeliveryException fail(WebhookDelivery delivery, Integer status, String why, Throwable cause) {
        attempts.record(delivery.getId(), status, why);
        String message = "Webhook " + delivery.getEventType().wireName() + " of lead " + delivery.getLeadId()
                + " to " + delivery.getTargetName() + " (" + delivery.getTargetUrl() + ") failed on attempt "
                + (delivery.getAttempts() + 1) + ": " + why;
        log.warn(message);
        return new WebhookDeliveryException(message, cause);
    }
}
