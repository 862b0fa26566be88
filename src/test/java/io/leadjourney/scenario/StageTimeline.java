package io.leadjourney.scenario;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** A lead's stages as they happened (from {@code stage_transition}), printed for the reader of the build log. */
final class StageTimeline {

    private StageTimeline() {
    }

    static List<String> of(JdbcTemplate jdbc, long leadId) {
        List<String> lines = jdbc.query("select changed_at, from_stage, to_stage, changed_by, reason"
                        + " from stage_transition where lead_id = ? order by id",
                (row, n) -> row.getTimestamp(1).toInstant() + " " + row.getString(2) + " -> " + row.getString(3)
                        + " by " + row.getString(4) + " (" + row.getString(5) + ")", leadId);
        System.out.println("Timeline of lead " + leadId + ":\n  " + String.join("\n  ", lines));
        return lines;
    }
}
