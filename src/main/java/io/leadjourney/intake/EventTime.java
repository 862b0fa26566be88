package io.leadjourney.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When an engagement event may have happened: not before {@link #EARLIEST} and not more than a day ahead of now
 * (clock skew between systems). A number where a time belongs (read as seconds since 1970) lands outside it.
 */
final class EventTime {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration SKEW = Duration.ofDays(1);
    static final String PROBLEM = "must be an ISO-8601 instant between 2000-01-01 and a day from now,"
            + " such as 2026-11-20T10:15:00Z";

    private EventTime() {
    }

    static boolean isPlausible(Instant occurredAt, Clock clock) {
        return !occurredAt.isBefore(EARLIEST) && !occurredAt.isAfter(Instant.now(clock).plus(SKEW));
    }
}
