package io.leadjourney.portal;

import io.leadjourney.lead.LeadStage;
import io.leadjourney.support.InvalidFieldException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Finds leads by what people know of them: words of the name, e-mail or company, stage, rep, band, source, score,
 * grade, when they came and last changed, and where they stand against their SLA clocks. One SQL query on the
 * {@code lead} table (indexes of migration V19; on PostgreSQL, trigram indexes for the words, V20), counted and
 * paged; the due times of the page's open tasks come
 * from the engine ({@link JourneyDeadlines}).
 */
@Service
public class LeadSearch {

    /** "Due soon": the open task falls due within this. */
    static final Duration SOON = Duration.ofHours(24);
    private static final String BREACHED = "exists (select 1 from sla_breach b where b.lead_id = l.id)";
    /** Each sort key's columns; names and companies may be missing, and those come last either way. */
    private static final Map<String, String> ORDER = Map.of(
            "score", "l.total_score %1$s", "created", "l.created_at %1$s", "updated", "l.updated_at %1$s",
            "name", "lower(l.last_name) %1$s nulls last, lower(l.first_name) %1$s nulls last",
            "company", "lower(l.company) %1$s nulls last");

    private final NamedParameterJdbcTemplate jdbc;
    private final JourneyDeadlines deadlines;
    private final Clock clock;

    LeadSearch(NamedParameterJdbcTemplate jdbc, JourneyDeadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LeadPage search(LeadSearchCriteria criteria, Audience.Scope scope) {
        int page = criteria.pageOrFirst();
        int size = criteria.sizeOrDefault();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(criteria, scope, parameters);
        if (where == null) {
            return new LeadPage(List.of(), page, size, 0);
        }
        Long total = jdbc.queryForObject("select count(*) from lead l" + where, parameters, Long.class);
        parameters.addValue("offset", (long) page * size).addValue("size", size);
        List<LeadSummary> leads = jdbc.query("select l.id, l.first_name, l.last_name, l.email, l.company, l.stage,"
                + " l.total_score, l.grade, l.assigned_rep, l.assigned_group, l.source, l.created_at, l.updated_at, "
                + BREACHED + " as breached from lead l" + where + " order by " + order(criteria.sort())
                + " offset :offset rows fetch next :size rows only", parameters, LeadSearch::summary);
        if (!leads.isEmpty()) {
            Map<Long, Instant> due = deadlines.dueOf(leads.stream().map(LeadSummary::id).toList());
            leads = leads.stream().map(lead -> due.containsKey(lead.id()) ? lead.withDueAt(due.get(lead.id()))
                    : lead).toList();
        }
        return new LeadPage(leads, page, size, total == null ? 0 : total);
    }

    /** The WHERE clause, or null when nothing can match (a rep's scope without a rep, no task due soon). */
    private String where(LeadSearchCriteria criteria, Audience.Scope scope, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!scope.everyLead()) {
            if (scope.rep() == null) {
                return null;
            }
            parameters.addValue("me", scope.rep());
            if (scope.bands().isEmpty()) {
                where.append(" and l.assigned_rep = :me");
            } else {
                parameters.addValue("bands", scope.bands());
                where.append(" and (l.assigned_rep = :me or (l.assigned_rep is null and l.assigned_group in (:bands)))");
            }
        }
        if (criteria.q() != null) {
            int n = 0;
            for (String word : criteria.q().trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String name = "q" + n++;
                parameters.addValue(name, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
                where.append(" and (lower(l.email) like :").append(name).append(" escape '\\'")
                        .append(" or lower(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')) like :")
                        .append(name).append(" escape '\\'")
                        .append(" or lower(coalesce(l.company, '')) like :").append(name).append(" escape '\\')");
            }
        }
        List<String> stages = criteria.stage() == null ? List.of() : criteria.stage().stream()
                .filter(Objects::nonNull).map(LeadStage::name).toList();
        if (!stages.isEmpty()) {
            parameters.addValue("stages", stages);
            where.append(" and l.stage in (:stages)");
        }
        if (criteria.rep() != null && !criteria.rep().isBlank()) {
            parameters.addValue("rep", criteria.rep().trim());
            where.append(" and l.assigned_rep = :rep");
        }
        if (criteria.group() != null && !criteria.group().isBlank()) {
            parameters.addValue("group", criteria.group().trim());
            where.append(" and l.assigned_group = :group");
        }
        if (criteria.source() != null && !criteria.source().isBlank()) {
            parameters.addValue("source", criteria.source().trim().toLowerCase(Locale.ROOT));
            where.append(" and lower(l.source) = :source");
        }
        range(criteria.scoreMin(), criteria.scoreMax(), "scoreMin", "scoreMax");
        if (criteria.scoreMin() != null) {
            parameters.addValue("scoreMin", criteria.scoreMin());
            where.append(" and l.total_score >= :scoreMin");
        }
        if (criteria.scoreMax() != null) {
            parameters.addValue("scoreMax", criteria.scoreMax());
            where.append(" and l.total_score <= :scoreMax");
        }
        grades(criteria.grade(), parameters, where);
        days(criteria.createdFrom(), criteria.createdTo(), "created", "l.created_at", parameters, where);
        days(criteria.updatedFrom(), criteria.updatedTo(), "updated", "l.updated_at", parameters, where);
        if (criteria.sla() == SlaState.BREACHED) {
            parameters.addValue("withSales", List.of(LeadStage.MQL.name(), LeadStage.SAL.name()));
            where.append(" and l.stage in (:withSales) and ").append(BREACHED);
        } else if (criteria.sla() == SlaState.DUE_SOON) {
            Instant now = Instant.now(clock);
            Set<Long> due = deadlines.dueBetween(now, now.plus(SOON));
            if (due.isEmpty()) {
                return null;
            }
            parameters.addValue("due", due);
            where.append(" and l.id in (:due)");
        }
        return where.toString();
    }

    private static void grades(List<String> grades, MapSqlParameterSource parameters, StringBuilder where) {
        if (grades == null || grades.isEmpty()) {
            return;
        }
        List<String> exact = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        for (String grade : grades) {
            if (grade == null || grade.isBlank()) {
                continue;
            }
            (grade.length() == 1 ? letters : exact).add(grade.toUpperCase(Locale.ROOT));
        }
        if (exact.isEmpty() && letters.isEmpty()) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (!exact.isEmpty()) {
            parameters.addValue("grades", exact);
            any.add("l.grade in (:grades)");
        }
        if (!letters.isEmpty()) {
            parameters.addValue("gradeLetters", letters);
            any.add("substring(l.grade, 1, 1) in (:gradeLetters)");
        }
        where.append(" and (").append(String.join(" or ", any)).append(")");
    }

    private static void days(LocalDate from, LocalDate to, String name, String column,
                             MapSqlParameterSource parameters, StringBuilder where) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException(name + "To", "must not be before " + name + "From");
        }
        if (from != null) {
            parameters.addValue(name + "From", utc(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
            where.append(" and ").append(column).append(" >= :").append(name).append("From");
        }
        if (to != null) {
            parameters.addValue(name + "To", utc(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            where.append(" and ").append(column).append(" < :").append(name).append("To");
        }
    }

    private static void range(Integer min, Integer max, String minName, String maxName) {
        if (min != null && max != null && max < min) {
            throw new InvalidFieldException(maxName, "must not be below " + minName);
        }
    }

    private static String order(String sort) {
        String key = sort == null ? "-updated" : sort;
        boolean descending = key.startsWith("-");
        String direction = descending ? "desc" : "asc";
        String column = ORDER.get(descending ? key.substring(1) : key);
        return column.formatted(direction) + ", l.id " + direction;
    }

    private static LeadSummary summary(ResultSet row, int n) throws SQLException {
        String first = row.getString("first_name");
        String last = row.getString("last_name");
        String name = String.join(" ", java.util.stream.Stream.of(first, last).filter(part -> part != null
                && !part.isBlank()).toList());
        return new LeadSummary(row.getLong("id"), name.isEmpty() ? null : name, row.getString("email"),
                row.getString("company"), LeadStage.valueOf(row.getString("stage")), row.getInt("total_score"),
                row.getString("grade"), row.getString("assigned_rep"), row.getString("assigned_group"),
                row.getString("source"), instant(row, "created_at"), instant(row, "updated_at"), null,
                row.getBoolean("breached"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
