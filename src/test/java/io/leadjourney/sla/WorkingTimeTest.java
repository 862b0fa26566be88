package io.leadjourney.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Working-time arithmetic with Mon-Fri 9-17, by hand-checked dates (2026-11-20 is a Friday). */
class WorkingTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY_HOLIDAY = LocalDate.parse("2026-11-23");

    private static WorkingTime calendar(ZoneId zone, LocalDate... holidays) {
        return new WorkingTime(TeamCalendar.weekly(zone,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                List.of(holidays)));
    }

    private static String plus(WorkingTime calendar, ZoneId zone, String start, String duration) {
        Instant from = LocalDateTime.parse(start).atZone(zone).toInstant();
        return LocalDateTime.ofInstant(calendar.plus(from, duration), zone).toString();
    }

    private static String plus(String start, String duration, LocalDate... holidays) {
        return plus(calendar(ZoneOffset.UTC, holidays), ZoneOffset.UTC, start, duration);
    }

    @Test
    void aDayFromFridayClosingIsMondayClosing() {
        assertThat(plus("2026-11-20T17:00", "P1D")).isEqualTo("2026-11-23T17:00");
    }

    @Test
    void hoursCarryOverTheWeekend() {
        assertThat(plus("2026-11-20T16:00", "PT4H")).isEqualTo("2026-11-23T12:00");
    }

    @Test
    void aHolidayOnThatMondayPushesBothADayLater() {
        assertThat(plus("2026-11-20T17:00", "P1D", MONDAY_HOLIDAY)).isEqualTo("2026-11-24T17:00");
        assertThat(plus("2026-11-20T16:00", "PT4H", MONDAY_HOLIDAY)).isEqualTo("2026-11-24T12:00");
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-11-18T10:00, PT4H, 2026-11-18T14:00",      // inside one day
            "2026-11-18T15:00, PT4H, 2026-11-19T11:00",      // across the night
            "2026-11-18T20:00, PT1H, 2026-11-19T10:00",      // after closing counts from the next opening
            "2026-11-18T06:00, PT1H, 2026-11-18T10:00",      // before opening counts from the opening
            "2026-11-18T20:00, P1D, 2026-11-19T17:00",       // after closing: a day is until the next closing
            "2026-11-21T11:00, PT2H, 2026-11-23T11:00",      // Saturday counts from Monday's opening
            "2026-11-21T11:00, P1D, 2026-11-24T09:00",       // Saturday + a day: Tuesday's opening
            "2026-11-18T10:00, P2D, 2026-11-20T10:00",       // the acceptance SLA from Wednesday
            "2026-11-19T10:00, P2D, 2026-11-23T10:00",       // ... from Thursday: over the weekend
            "2026-11-18T10:00, P1DT8H, 2026-11-20T10:00",    // a working day is eight working hours here
            "2026-11-18T10:00, PT30M, 2026-11-18T10:30",
            "2026-11-18T16:59:30, PT45S, 2026-11-19T09:00:15",
            "2026-11-18T10:00, P1W, 2026-11-25T10:00",       // a week is five working days
            "2026-11-18T10:00, P10D, 2026-12-02T10:00",      // the cadence window: two working weeks
            "2026-11-18T10:00, P1M, 2026-12-18T10:00",       // a month is a calendar month
            "2026-11-18T10:00, PT0S, 2026-11-18T10:00"})
    void workingTimeIsCounted(String start, String duration, String due) {
        assertThat(plus(start, duration)).isEqualTo(due);
    }

    @Test
    void workingHoursAreLocalSoDaylightSavingTimeMovesTheInstantNotTheHour() {
        // Summer time starts in Berlin on Sunday 2027-03-28: 16:00 CET + 4 working hours = Monday 12:00 CEST.
        WorkingTime berlin = calendar(BERLIN);
        assertThat(plus(berlin, BERLIN, "2027-03-26T16:00", "PT4H")).isEqualTo("2027-03-29T12:00");
        Instant start = LocalDateTime.parse("2027-03-26T16:00").atZone(BERLIN).toInstant();
        assertThat(berlin.plus(start, "PT4H")).isEqualTo(Instant.parse("2027-03-29T10:00:00Z"));
    }

    @Test
    void theSameInstantIsDueAtDifferentInstantsInDifferentZones() {
        Instant start = Instant.parse("2026-11-18T15:00:00Z");  // 16:00 in Berlin, 10:00 in New York
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(calendar(BERLIN).plus(start, "PT2H")).isEqualTo(Instant.parse("2026-11-19T09:00:00Z"));
        assertThat(calendar(newYork).plus(start, "PT2H")).isEqualTo(Instant.parse("2026-11-18T17:00:00Z"));
    }

    @Test
    void onlyIsoDurationsAreUnderstood() {
        assertThat(WorkingTime.isDuration("P2D")).isTrue();
        assertThat(WorkingTime.isDuration("PT24H")).isTrue();
        assertThat(WorkingTime.isDuration("P1DT4H30M")).isTrue();
        assertThat(WorkingTime.isDuration("2026-11-20T10:00:00")).isFalse();
        assertThat(WorkingTime.isDuration("R3/PT1H")).isFalse();
        assertThat(WorkingTime.isDuration("P")).isFalse();
        assertThat(WorkingTime.isDuration("P1DT")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> calendar(ZoneOffset.UTC).plus(Instant.EPOCH, "soon"));
    }
}
