package io.leadjourney.webhook;

/** What a webhook tells the receiver, as the {@code event} field and the {@code X-LeadJourney-Event} header. */
public enum WebhookEvent {
    LEAD_SQL("lead.sql"),
    DEAL_WON("deal.won"),
    DEAL_LOST("deal.lost");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
