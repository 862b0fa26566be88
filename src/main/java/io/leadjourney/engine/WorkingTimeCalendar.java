package io.leadjourney.engine;

import io.leadjourney.sla.WorkingTime;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

import java.time.Instant;
import java.util.Date;
import java.util.function.BiFunction;

/**
 * The engine's calendar for {@code workingTime('P2D')} ({@link WorkingTimePlugin}): an ISO-8601 duration counted in
 * working time ({@link WorkingTime}) from the engine's now. The engine's own calendars stay as they are, so a plain
 * duration in a model counts clock time.
 */
class WorkingTimeCalendar implements BusinessCalendar {

    static final String NAME = "workingTime";

    private final BiFunction<Instant, String, Instant> plus;

    /** @param plus a start plus an ISO-8601 duration of working time, as {@link WorkingTime#plus} counts it */
    WorkingTimeCalendar(BiFunction<Instant, String, Instant> plus) {
        this.plus = plus;
    }

    @Override
    public Date resolveDuedate(String duedateDescription) {
        return resolveDuedate(duedateDescription, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Task task) {
        return resolveDuedate(duedateDescription, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate) {
        String description = duedateDescription == null ? null : duedateDescription.trim();
        if (!WorkingTime.isDuration(description)) {
            throw new IllegalArgumentException("workingTime(...) takes an ISO-8601 duration such as 'P2D' (two"
                    + " working days) or 'PT4H' (four working hours), not '" + duedateDescription + "'");
        }
        Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
        return Date.from(plus.apply(start.toInstant(), description));
    }
}
