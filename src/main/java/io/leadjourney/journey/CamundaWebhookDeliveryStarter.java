package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.webhook.WebhookDelivery;
import io.leadjourney.webhook.WebhookDeliveryStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * One "Deliver hand-off event" instance per outbox row, started in the transaction that wrote the row (the
 * engine shares Spring's transaction). Its business key is the delivery id (the lead's key belongs to its
 * journey); Cockpit finds it by the variables {@code leadId}, {@code event} and {@code target}.
 */
@Component
class CamundaWebhookDeliveryStarter implements WebhookDeliveryStarter {

    private final RuntimeService runtimeService;
    private final SystemAuthentication system;

    CamundaWebhookDeliveryStarter(RuntimeService runtimeService, SystemAuthentication system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @Override
    public void start(WebhookDelivery delivery) {
        system.run(() -> runtimeService.startProcessInstanceByKey(HandOffWebhook.PROCESS_ID,
                delivery.getDeliveryId(), Map.of(
                        HandOffWebhook.VAR_DELIVERY_ID, delivery.getDeliveryId(),
                        LeadJourney.VAR_LEAD_ID, delivery.getLeadId(),
                        HandOffWebhook.VAR_EVENT, delivery.getEventType().wireName(),
                        HandOffWebhook.VAR_TARGET, delivery.getTargetName())));
    }
}
