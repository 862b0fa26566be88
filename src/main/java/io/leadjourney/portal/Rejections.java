package io.leadjourney.portal;

import io.leadjourney.lead.LeadStage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.leadjourney.support.SqlTime.utc;

/**
 * The leads sales sent back in a period, with the rep's reason and note: marketing's feedback loop (which sources
 * and campaigns bring leads sales do not want, and why).
 */
@Service
public class Rejections {

    /** The most a page lists; the counts by reason cover the whole period. */
    static final int LISTED = 500;

    private final JdbcTemplate jdbc;

    Rejections(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param reason the rep's reason and note as the stage log keeps it, e.g. {@code NOT_A_FIT: an agency} */
    public record Rejection(long leadId, String name, String company, String source, Instant at, String by,
                            String reason) {

        /** The reason's code, e.g. {@code NOT_A_FIT}. */
        public String code() {
            return codeOf(reason);
        }
    }

    /** The code of a reason as the stage log keeps it: {@code NOT_A_FIT} of {@code NOT_A_FIT: an agency}. */
    static String codeOf(String reason) {
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        return colon < 0 ? reason.trim() : reason.substring(0, colon).trim();
    }

    /** @param byReason how many rejections each reason code had, most first */
    public record Report(LocalDate from, LocalDate to, long total, Map<String, Long> byReason,
                         List<Rejection> latest) {
    }

    /** The rejections of [{@code from}, {@code to}) (UTC days), newest first. */
    @Transactional(readOnly = true)
    public Report between(LocalDate from, LocalDate to) {
        Object start = utc(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Object end = utc(to.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Rejection> latest = jdbc.query("select t.lead_id, l.first_name, l.last_name, l.email, l.company, l.source,"
                        + " t.changed_at, t.changed_by, t.reason from stage_transition t join lead l on l.id = t.lead_id"
                        + " where t.to_stage = ? and t.changed_at >= ? and t.changed_at < ? order by t.changed_at desc,"
                        + " t.id desc fetch first " + LISTED + " rows only",
                (row, n) -> new Rejection(row.getLong(1), name(row.getString(2), row.getString(3), row.getString(4)),
                        row.getString(5), row.getString(6), row.getObject(7, OffsetDateTime.class).toInstant(),
                        row.getString(8), row.getString(9)),
                LeadStage.REJECTED.name(), start, end);
        Map<String, Long> byReason = new LinkedHashMap<>();
        jdbc.query("select t.reason from stage_transition t where t.to_stage = ? and t.changed_at >= ?"
                        + " and t.changed_at < ?", row -> {
                    byReason.merge(codeOf(row.getString(1)), 1L, Long::sum);
                }, LeadStage.REJECTED.name(), start, end);
        Map<String, Long> sorted = new LinkedHashMap<>();
        byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new Report(from, to, total, sorted, latest);
    }

    private static String name(String first, String last, String email) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? email : name;
    }
}
