package io.leadjourney.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as JDBC parameters for {@code timestamp with time zone} columns, the same on H2 and PostgreSQL. */
public final class SqlTime {

    private SqlTime() {
    }

    /** The instant in UTC, or null for null. */
    public static OffsetDateTime utc(Instant moment) {
        return moment == null ? null : OffsetDateTime.ofInstant(moment, ZoneOffset.UTC);
    }
}
