package io.leadjourney.sla;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Deadlines in the team's working time ({@link WorkingTime}), as the models' {@code workingTime('P2D')} counts
 * them. For deadlines the application shows (the next contact attempt), so they agree with the timers in the
 * diagram.
 */
@Component
public class SlaCalendar {

    private final CalendarProperties properties;
    private final WorkingTime workingTime;

    public SlaCalendar(CalendarProperties properties) {
        this.properties = properties;
        this.workingTime = new WorkingTime(properties);
    }

    public ZoneId zone() {
        return properties.zone();
    }

    /** {@code start} plus an ISO-8601 duration such as {@code P2D} of working time. */
    public Instant plus(Instant start, String isoDuration) {
        return workingTime.plus(start, isoDuration);
    }

    /** The moment itself when the team works then; else the next opening, or the closing of the same day. */
    public Instant workingMoment(Instant moment) {
        return workingTime.intoWorkingTime(moment.atZone(zone())).toInstant();
    }
}
