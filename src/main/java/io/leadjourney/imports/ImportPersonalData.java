package io.leadjourney.imports;

import io.leadjourney.lead.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Erasure: the import rows of the lead, or of its e-mail, keep their verdict and lose what named the person. */
@Component
class ImportPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    ImportPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long leadId, String email) {
        jdbc.update("update lead_import_row set email = null, data = null where lead_id = ? or email = ?", leadId,
                email);
    }
}
