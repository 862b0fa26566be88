package io.leadjourney.sla;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines as the engine's timers count them: in working time ({@link WorkingTime}) or, with
 * {@code leadjourney.calendar.mode: CLOCK}, in plain calendar time. For deadlines the application shows (the
 * next contact attempt), so they agree with the timers in the diagram.
 */
@Component
public class SlaCalendar {

    private static final Pattern PARTS = Pattern.compile("^(P[^T]*)(T.*)?$");

    private final CalendarProperties properties;
    private final WorkingTime workingTime;

    public SlaCalendar(CalendarProperties properties) {
        this.properties = properties;
        this.workingTime = new WorkingTime(properties);
    }

    public ZoneId zone() {
        return properties.zone();
    }

    /** {@code start} plus an ISO-8601 duration such as {@code P2D}. */
    public Instant plus(Instant start, String isoDuration) {
        if (properties.mode() == CalendarProperties.Mode.BUSINESS_HOURS) {
            return workingTime.plus(start, isoDuration);
        }
        Matcher parts = PARTS.matcher(isoDuration);
        if (!WorkingTime.isDuration(isoDuration) || !parts.matches()) {
            throw new IllegalArgumentException("Not an ISO-8601 duration such as P2D or PT4H: " + isoDuration);
        }
        ZonedDateTime at = start.atZone(zone());
        if (!"P".equals(parts.group(1))) {
            at = at.plus(Period.parse(parts.group(1)));
        }
        if (parts.group(2) != null) {
            at = at.plus(Duration.parse("P" + parts.group(2)));
        }
        return at.toInstant();
    }
}
