package io.leadjourney.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When the sales team works: the zone its hours are in, and the hours of each date (none on a day off). The
 * application's calendar is {@code working-calendar.dmn} ({@link DecisionCalendar}), which sales ops edit;
 * {@link #weekly} is a fixed one for code without the engine.
 */
public interface TeamCalendar {

    ZoneId zone();

    /** The working hours of the date in {@link #zone()}, or empty on a day off. */
    Optional<Hours> hoursOn(LocalDate date);

    /** A working day's hours: from {@code opens} to {@code closes}, the same day. */
    record Hours(LocalTime opens, LocalTime closes) {

        public Hours {
            if (opens == null || closes == null || !opens.isBefore(closes)) {
                throw new IllegalArgumentException("A working day opens before it closes, not " + opens + "-"
                        + closes);
            }
        }
    }

    /** The same hours on the same days of every week, but for the holidays. */
    static TeamCalendar weekly(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
                               Collection<LocalDate> holidays) {
        Hours hours = new Hours(opens, closes);
        Set<DayOfWeek> days = EnumSet.copyOf(workingDays);
        Set<LocalDate> off = Set.copyOf(holidays);
        return new TeamCalendar() {
            @Override
            public ZoneId zone() {
                return zone;
            }

            @Override
            public Optional<Hours> hoursOn(LocalDate date) {
                return days.contains(date.getDayOfWeek()) && !off.contains(date) ? Optional.of(hours)
                        : Optional.empty();
            }
        };
    }

    /** Monday to Friday, 09:00 to 17:00 UTC, no holidays: what {@code working-calendar.dmn} ships with. */
    static TeamCalendar standard() {
        return weekly(ZoneOffset.UTC, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of());
    }
}
