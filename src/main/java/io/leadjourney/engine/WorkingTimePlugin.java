package io.leadjourney.engine;

import io.leadjourney.sla.SlaCalendar;
import io.leadjourney.sla.TeamCalendar;
import io.leadjourney.sla.WorkingTime;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.function.BiFunction;

/**
 * Gives the models {@code workingTime('P2D')}: the engine's now plus that much of the team's working time
 * ({@code working-calendar.dmn}), as a date for a timer's "Date" or a task's due date. So each deadline in the
 * diagram says which clock it runs on: {@code ${workingTime('P2D')}} is two working days, a plain duration
 * ({@code PT48H}, {@code P30D}) is clock time, as Camunda counts it.
 */
@Component
public class WorkingTimePlugin extends AbstractProcessEnginePlugin {

    static final String FUNCTION = "workingTime";

    private final BiFunction<Instant, String, Instant> plus;

    /** For an engine outside Spring (the process tests): {@link TeamCalendar#standard()}. */
    public WorkingTimePlugin() {
        WorkingTime standard = new WorkingTime(TeamCalendar.standard());
        this.plus = standard::plus;
    }

    /**
     * The application's calendar, looked up when a model first asks: it is read from the deployed tables, which
     * need the engine this plugin configures.
     */
    @Autowired
    public WorkingTimePlugin(ObjectProvider<SlaCalendar> calendar) {
        this.plus = (start, duration) -> calendar.getObject().plus(start, duration);
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
        calendars.addBusinessCalendar(WorkingTimeCalendar.NAME, new WorkingTimeCalendar(plus));
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
    }
}
