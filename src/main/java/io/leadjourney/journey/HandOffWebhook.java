package io.leadjourney.journey;

/** Ids of hand-off-webhook.bpmn: one instance delivers one outbox row to one webhook target. */
public final class HandOffWebhook {

    public static final String PROCESS_ID = "hand-off-webhook";
    public static final String TASK_DELIVER = "ServiceTask_DeliverHandOffEvent";
    public static final String VAR_DELIVERY_ID = "deliveryId";
    public static final String VAR_EVENT = "event";
    public static final String VAR_TARGET = "target";

    private HandOffWebhook() {
    }
}
