package io.leadjourney.journey;

import io.leadjourney.sla.CalendarProperties;
import io.leadjourney.sla.WorkingTime;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

/**
 * Gives the models {@code workingTime('P2D')}: the engine's now plus that much of the team's working time
 * ({@code leadjourney.calendar}), as a date for a timer's "Date" or a task's due date. So each deadline in the
 * diagram says which clock it runs on: {@code ${workingTime('P2D')}} is two working days, a plain duration
 * ({@code PT48H}, {@code P30D}) is clock time, as Camunda counts it.
 */
@Component
public class WorkingTimePlugin extends AbstractProcessEnginePlugin {

    static final String FUNCTION = "workingTime";
    private static final Logger log = LoggerFactory.getLogger(WorkingTimePlugin.class);

    private final CalendarProperties properties;

    /** For an engine outside Spring (the process tests): Monday to Friday, 09:00 to 17:00 UTC, no holidays. */
    public WorkingTimePlugin() {
        this(new CalendarProperties(ZoneOffset.UTC, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(17, 0), List.of()));
    }

    @Autowired
    public WorkingTimePlugin(CalendarProperties properties) {
        this.properties = properties;
    }

    /** {@code workingTime('P2D')} in a model: now plus that much working time of this engine's calendar. */
    public static Date workingTime(String isoDuration) {
        return Context.getProcessEngineConfiguration().getBusinessCalendarManager()
                .getBusinessCalendar(WorkingTimeCalendar.NAME).resolveDuedate(isoDuration);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        calendars.addBusinessCalendar(WorkingTimeCalendar.NAME, new WorkingTimeCalendar(new WorkingTime(properties)));
        configuration.setBusinessCalendarManager(calendars);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            configuration.getExpressionManager().addFunction(FUNCTION,
                    WorkingTimePlugin.class.getMethod(FUNCTION, String.class));
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
        log.info("workingTime(...) in the models counts {} {}-{} in {}, {} holiday(s)", properties.workingDays(),
                properties.opens(), properties.closes(), properties.zone(), properties.holidays().size());
    }
}
