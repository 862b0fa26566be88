package io.leadjourney.portal;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the portal's pages write moments: {@code 2026-12-04 10:15 UTC} ({@code ${@portalTime.of(...)}}). */
@Component("portalTime")
class PortalTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String of(Instant moment) {
        return moment == null ? "" : FORMAT.format(moment);
    }
}
