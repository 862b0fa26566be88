package io.leadjourney.portal;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the portal's pages write moments: {@code 2026-12-04 10:15 UTC} ({@code ${@portalTime.of(...)}}); and the period
 * a page shows when it is not asked for one.
 */
@Component("portalTime")
class PortalTime {

    /** The UTC days [{@code start}, {@code end}) a page reports on. */
    record Period(LocalDate start, LocalDate end) {
    }

    private final Clock clock;

    PortalTime(Clock clock) {
        this.clock = clock;
    }

    /** The asked period, each end the last 30 days' (up to and including today) unless given. */
    Period periodOr30Days(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        return new Period(from != null ? from : end.minusDays(30), end);
    }

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String of(Instant moment) {
        return moment == null ? "" : FORMAT.format(moment);
    }
}
