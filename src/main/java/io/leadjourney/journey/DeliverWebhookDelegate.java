package io.leadjourney.journey;

import io.leadjourney.webhook.WebhookSender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Deliver hand-off event": posts the signed outbox row to its target; a failure is retried by the job. */
@Component
class DeliverWebhookDelegate implements JavaDelegate {

    private final WebhookSender sender;

    DeliverWebhookDelegate(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sender.deliver(JourneyVariables.requiredString(execution, HandOffWebhook.VAR_DELIVERY_ID));
    }
}
