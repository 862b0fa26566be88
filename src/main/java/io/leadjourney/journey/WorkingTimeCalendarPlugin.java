package io.leadjourney.journey;

import io.leadjourney.sla.CalendarProperties;
import io.leadjourney.sla.WorkingTime;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine count timer durations and task due dates in working time: the SLA timers in the diagram
 * ({@code P1D} to the reminder, {@code P2D} to the breach) then mean business days, and a task's due date in
 * Tasklist is its SLA deadline in business time. {@code leadjourney.calendar.mode: CLOCK} keeps Camunda's own
 * calendars.
 */
@Component
class WorkingTimeCalendarPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(WorkingTimeCalendarPlugin.class);

    private final CalendarProperties properties;

    WorkingTimeCalendarPlugin(CalendarProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (properties.mode() == CalendarProperties.Mode.CLOCK) {
            log.info("Timers count clock time");
            return;
        }
        WorkingTime workingTime = new WorkingTime(properties);
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingTimeCalendar(workingTime, new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingTimeCalendar(workingTime, new DueDateBusinessCalendar()));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
        log.info("Timers count working time: {} {}-{} in {}, {} holiday(s)", properties.workingDays(),
                properties.opens(), properties.closes(), properties.zone(), properties.holidays().size());
    }
}
