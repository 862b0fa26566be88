package io.leadjourney.sla;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The sales team's working time: what {@code workingTime('P2D')} in the models counts (a day is a working day, an
 * hour a working hour), and the cadence's due dates.
 *
 * @param zone        where the working hours are (default UTC)
 * @param workingDays default Monday to Friday
 * @param opens       start of the working day (default 09:00)
 * @param closes      end of the working day (default 17:00)
 * @param holidays    days off, such as 2026-12-25
 */
@Validated
@ConfigurationProperties("leadjourney.calendar")
public record CalendarProperties(@NotNull ZoneId zone, @NotEmpty Set<DayOfWeek> workingDays,
                                 @NotNull LocalTime opens, @NotNull LocalTime closes, List<LocalDate> holidays) {

    public CalendarProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    @AssertTrue(message = "opens must be before closes")
    public boolean isOpeningBeforeClosing() {
        return opens == null || closes == null || opens.isBefore(closes);
    }
}
