package io.leadjourney.journey;

import io.leadjourney.sla.WorkingTime;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

import java.util.Date;

/**
 * A Camunda business calendar that counts ISO-8601 durations in working time ({@link WorkingTime}); anything
 * else (a date, a cycle) goes to the engine's own calendar it replaces.
 */
class WorkingTimeCalendar implements BusinessCalendar {

    private final WorkingTime workingTime;
    private final BusinessCalendar replaced;

    WorkingTimeCalendar(WorkingTime workingTime, BusinessCalendar replaced) {
        this.workingTime = workingTime;
        this.replaced = replaced;
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
            return replaced.resolveDuedate(duedateDescription, startDate);
        }
        Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
        return Date.from(workingTime.plus(start.toInstant(), description));
    }
}
