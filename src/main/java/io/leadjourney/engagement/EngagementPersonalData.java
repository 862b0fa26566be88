package io.leadjourney.engagement;

import io.leadjourney.lead.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Engagement events keep their type and time (the scores and funnel need them), not the address or pages. */
@Component
class EngagementPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    EngagementPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long leadId, String email) {
        jdbc.update("update engagement_event set email = null, page = null, asset = null, campaign = null"
                + " where lead_id = ?", leadId);
        jdbc.update("delete from engagement_event where lead_id is null and email = ?", email);
    }
}
