package io.leadjourney.sla;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Deadlines in the team's working time ({@link WorkingTime} over {@code working-calendar.dmn}), as the models'
 * {@code workingTime('P2D')} counts them: the engine's timers and the deadlines the application shows (the next
 * contact attempt), so they agree.
 */
@Component
public class SlaCalendar {

    private final TeamCalendar calendar;

    public SlaCalendar(TeamCalendar calendar) {
        this.calendar = calendar;
    }

    /** Where the team's working hours are, such as the dates of reps' absences. */
    public ZoneId zone() {
        return calendar.zone();
    }

    /** {@code start} plus an ISO-8601 duration such as {@code P2D} of working time. */
    public Instant plus(Instant start, String isoDuration) {
        return new WorkingTime(calendar).plus(start, isoDuration);
    }

    /** The moment itself when the team works then; else the next opening, or the closing of the same day. */
    public Instant workingMoment(Instant moment) {
        return new WorkingTime(calendar).intoWorkingTime(moment);
    }
}
