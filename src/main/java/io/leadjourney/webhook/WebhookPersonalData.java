package io.leadjourney.webhook;

import io.leadjourney.lead.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erasure: the payloads name the lead, so they go. A delivery still pending then sends only that the lead's data
 * was erased; the rows stay, so the receiver's deliveries remain accounted for.
 */
@Component
class WebhookPersonalData implements PersonalData {

    static final String ERASED_PAYLOAD = "{\"erased\":true}";

    private final JdbcTemplate jdbc;

    WebhookPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long leadId, String email) {
        jdbc.update("update webhook_delivery set payload = ?, last_error = null where lead_id = ?", ERASED_PAYLOAD,
                leadId);
    }
}
