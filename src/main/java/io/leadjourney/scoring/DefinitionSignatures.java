package io.leadjourney.scoring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Who signed which version of a scoring table, in a quarterly review: marketing's and sales' names and when. A score
 * receipt names the versions it used ({@code lead-fit:v3 mql-qualification:v5}); each signed one shows its signature.
 */
@Component
public class DefinitionSignatures {

    private static final Pattern VERSION_TAG = Pattern.compile("([a-z][a-z0-9-]*):v(\\d+)");

    /** A signed version of a table. */
    public record Signature(String table, int version, long reviewId, String marketing, String sales,
                            Instant signedAt) {
    }

    private final JdbcTemplate jdbc;

    DefinitionSignatures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that both sides signed this version of the table in the review. */
    public void sign(String table, int version, long reviewId, String marketing, String sales, Instant at) {
        jdbc.update("insert into definition_signature (decision_key, version, review_id, marketing_by, sales_by,"
                + " signed_at) values (?, ?, ?, ?, ?, ?)", table, version, reviewId, marketing, sales, utc(at));
    }

    /** The latest signature of each table version the tags name ({@code lead-fit:v3 ...}); unsigned ones none. */
    public List<Signature> of(String versionTags) {
        List<Signature> signatures = new ArrayList<>();
        if (versionTags == null) {
            return signatures;
        }
        Matcher tag = VERSION_TAG.matcher(versionTags);
        while (tag.find()) {
            String table = tag.group(1);
            int version = Integer.parseInt(tag.group(2));
            jdbc.query("select review_id, marketing_by, sales_by, signed_at from definition_signature"
                            + " where decision_key = ? and version = ? order by id desc",
                    (row, n) -> new Signature(table, version, row.getLong(1), row.getString(2), row.getString(3),
                            row.getTimestamp(4).toInstant()), table, version).stream().findFirst()
                    .ifPresent(signatures::add);
        }
        return signatures;
    }
}
