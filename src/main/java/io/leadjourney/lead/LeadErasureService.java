package io.leadjourney.lead;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static io.leadjourney.support.SqlTime.utc;

/**
 * The right to be forgotten: {@code DELETE /api/leads/{id}} erases a lead's personal data everywhere it is kept
 * (the lead row, its events, contact notes, notifications, and the journey in the engine's runtime and history),
 * in one transaction. The lead row stays, anonymous, so the funnel's counts and the stage log stay true.
 */
@Service
public class LeadErasureService {

    private static final Logger log = LoggerFactory.getLogger(LeadErasureService.class);
    static final String ERASED_DOMAIN = "erased.invalid";

    private final LeadRepository leads;
    private final List<PersonalData> parts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LeadErasureService(LeadRepository leads, List<PersonalData> parts, JdbcTemplate jdbc, Clock clock) {
        this.leads = leads;
        this.parts = parts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void erase(long leadId, String by) {
        Lead lead = leads.lock(leadId);
        String email = lead.getEmail();
        if (email.endsWith("@" + ERASED_DOMAIN)) {
            return;
        }
        parts.forEach(part -> part.erase(leadId, email));
        // A rejection's reason is a code, then maybe the rep's own words: the words go.
        jdbc.query("select id, reason from stage_transition where lead_id = ? and reason like '%:%'", row -> {
            jdbc.update("update stage_transition set reason = ? where id = ?",
                    row.getString(2).split(":", 2)[0].trim(), row.getLong(1));
        }, leadId);
        // The row stays for the funnel's counts; nothing on it says who the lead was.
        jdbc.update("update lead set email = ?, first_name = null, last_name = null, company = null,"
                        + " job_role = null, phone = null, website = null, job_title = null, stated_problem = null,"
                        + " score_reasons = null, engagement_tally = null, tally_basis = null, custom_fields = null,"
                        + " updated_at = ? where id = ?", "erased-" + leadId + "@" + ERASED_DOMAIN,
                utc(Instant.now(clock)), leadId);
        log.info("Lead {} erased by {}", leadId, by);
    }
}
