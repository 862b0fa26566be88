package io.leadjourney.portal;

import io.leadjourney.support.InvalidFieldException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.leadjourney.support.SqlTime.utc;

/**
 * The searches each user keeps on the leads page: a name and the search's query string (what follows
 * {@code /portal/leads?}), so a saved search is a link, and a search the page can no longer make says why when it is
 * opened, like any other.
 */
@Service
public class SavedSearches {

    /** How many searches one user keeps. */
    static final int MAX_PER_USER = 50;
    private static final Pattern QUERY = Pattern.compile("(?:[A-Za-z0-9_.~+=&,:-]|%[0-9A-Fa-f]{2})*");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SavedSearches(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record SavedSearch(long id, String name, String query) {
    }

    @Transactional(readOnly = true)
    public List<SavedSearch> of(String user) {
        return jdbc.query("select id, name, query from saved_search where user_id = ? order by name",
                (row, n) -> new SavedSearch(row.getLong(1), row.getString(2), row.getString(3)), user);
    }

    /** Keeps the search under its name, replacing the user's search of that name. */
    @Transactional
    public void save(String user, String name, String query) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidFieldException("name", "must be 1 to 100 characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("name", "must be text without control characters");
        }
        String kept = query == null ? "" : query.startsWith("?") ? query.substring(1) : query;
        if (kept.length() > 2000 || !QUERY.matcher(kept).matches()) {
            throw new InvalidFieldException("query", "must be the search's query string, such as stage=MQL&sort=-score");
        }
        int updated = jdbc.update("update saved_search set query = ?, created_at = ? where user_id = ? and name = ?",
                kept, utc(Instant.now(clock)), user, trimmed);
        if (updated == 0) {
            Integer count = jdbc.queryForObject("select count(*) from saved_search where user_id = ?", Integer.class,
                    user);
            if (count != null && count >= MAX_PER_USER) {
                throw new InvalidFieldException("name", "you keep " + MAX_PER_USER + " searches already; delete one");
            }
            jdbc.update("insert into saved_search (user_id, name, query, created_at) values (?, ?, ?, ?)", user,
                    trimmed, kept, utc(Instant.now(clock)));
        }
    }

    /** Deletes one of the user's searches; another user's is refused as not theirs. */
    @Transactional
    public void delete(String user, long id) {
        if (jdbc.update("delete from saved_search where id = ? and user_id = ?", id, user) == 0) {
            throw new InvalidFieldException("id", "is not one of your saved searches");
        }
    }
}
