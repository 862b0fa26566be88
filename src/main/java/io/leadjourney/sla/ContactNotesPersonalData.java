package io.leadjourney.sla;

import io.leadjourney.lead.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Contact attempts keep channel, time and result (the cadence and funnel need them), not the rep's notes. */
@Component
class ContactNotesPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    ContactNotesPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long leadId, String email) {
        jdbc.update("update contact_attempt set note = null where lead_id = ?", leadId);
    }
}
