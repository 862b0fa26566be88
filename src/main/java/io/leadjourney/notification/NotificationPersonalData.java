package io.leadjourney.notification;

import io.leadjourney.lead.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notifications about the lead name it in subject and body: they go (an e-mail already sent stays sent). */
@Component
class NotificationPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    NotificationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long leadId, String email) {
        jdbc.update("delete from notification where lead_id = ?", leadId);
    }
}
