package io.leadjourney.sla;

import io.leadjourney.ModelDecisions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The team's calendar as {@code bpmn/working-calendar.dmn} gives it, and as sales ops change it: a holiday, a short
 * Friday, another zone. Evaluated from the file with Camunda's DMN engine (2026-12-25 is a Friday).
 */
class DecisionCalendarTest {

    /** The calendar a deployment of this DMN file gives, the other tables as shipped. */
    private static DecisionCalendar calendar(String dmn) {
        ModelDecisions decisions = new ModelDecisions();
        decisions.deploy(dmn.getBytes(StandardCharsets.UTF_8));
        return new DecisionCalendar(decisions);
    }

    private static String shipped() throws IOException {
        return Files.readString(Path.of("bpmn", "working-calendar.dmn"));
    }

    /** The shipped table with a rule before the weekend's. */
    private static String withRule(String dateEntry, String dayEntry, String opens, String closes) throws IOException {
        return withRule(dateEntry, "-", dayEntry, opens, closes);
    }

    private static String withRule(String dateEntry, String monthDayEntry, String dayEntry, String opens,
                                   String closes) throws IOException {
        return shipped().replace("      <rule id=\"Rule_working_calendar_weekend\">", """
                      <rule id="Rule_added">
                        <inputEntry id="InputEntry_added_0"><text>%s</text></inputEntry>
                        <inputEntry id="InputEntry_added_md"><text>%s</text></inputEntry>
                        <inputEntry id="InputEntry_added_1"><text>%s</text></inputEntry>
                        <outputEntry id="OutputEntry_added_0"><text>%s</text></outputEntry>
                        <outputEntry id="OutputEntry_added_1"><text>%s</text></outputEntry>
                      </rule>
                      <rule id="Rule_working_calendar_weekend">""".formatted(dateEntry, monthDayEntry, dayEntry, opens,
                closes));
    }

    @Test
    void asShippedTheTeamWorksMondayToFridayNineToFiveUtc() throws IOException {
        DecisionCalendar calendar = calendar(shipped());

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(calendar.hoursOn(LocalDate.parse("2026-12-25"))).contains(
                new TeamCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(calendar.hoursOn(LocalDate.parse("2026-12-26"))).as("Saturday").isEmpty();
        assertThat(calendar.hoursOn(LocalDate.parse("2026-12-27"))).as("Sunday").isEmpty();
    }

    @Test
    void aHolidaySalesOpsAddIsADayOffForTheDeadlines() throws IOException {
        DecisionCalendar calendar = calendar(withRule("\"2026-12-24\",\"2026-12-25\"", "-", "", ""));

        assertThat(calendar.hoursOn(LocalDate.parse("2026-12-24"))).isEmpty();
        Instant wednesdayNoon = Instant.parse("2026-12-23T12:00:00Z");
        assertThat(new WorkingTime(calendar).plus(wednesdayNoon, "P1D")).as("Thu, Fri off; the weekend")
                .isEqualTo(Instant.parse("2026-12-28T12:00:00Z"));
    }

    @Test
    void aHolidayOnTheMonthAndDayIsOffEveryYear() throws IOException {
        DecisionCalendar calendar = calendar(withRule("-", "\"12-25\",\"01-01\"", "-", "", ""));

        assertThat(calendar.hoursOn(LocalDate.parse("2026-12-25"))).isEmpty();
        assertThat(calendar.hoursOn(LocalDate.parse("2031-12-25"))).as("a Thursday, five years on").isEmpty();
        assertThat(calendar.hoursOn(LocalDate.parse("2027-01-01"))).as("a Friday").isEmpty();
        assertThat(calendar.hoursOn(LocalDate.parse("2027-12-24"))).isPresent();
    }

    @Test
    void aShortFridayEndsTheWorkingHoursEarly() throws IOException {
        DecisionCalendar calendar = calendar(withRule("-", "\"FRIDAY\"", "\"09:00\"", "\"13:00\""));
        Instant thursdayFour = Instant.parse("2026-12-03T16:00:00Z");

        assertThat(new WorkingTime(calendar).plus(thursdayFour, "PT4H")).as("1 h Thursday, 3 h Friday")
                .isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
        assertThat(new WorkingTime(calendar).plus(thursdayFour, "P1D")).as("Friday closes at 13:00")
                .isEqualTo(Instant.parse("2026-12-04T13:00:00Z"));
        assertThat(new WorkingTime(calendar).plus(thursdayFour, "P2D")).as("Monday at 16:00, as Thursday")
                .isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
    }

    @Test
    void theZoneIsTheLiteralSalesOpsSet() throws IOException {
        DecisionCalendar calendar = calendar(shipped().replace("<text>\"UTC\"</text>",
                "<text>\"Europe/Berlin\"</text>"));

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(new WorkingTime(calendar).plus(Instant.parse("2026-12-04T07:30:00Z"), "PT1H"))
                .as("Friday 08:30 in Berlin counts from 09:00 Berlin")
                .isEqualTo(Instant.parse("2026-12-04T09:00:00Z"));
    }

    @Test
    void aMistakeInTheTableIsNamedWhenADeadlineIsCounted() throws IOException {
        assertThatIllegalStateException().isThrownBy(() -> calendar(withRule("-", "\"FRIDAY\"", "\"17:00\"",
                "\"09:00\"")).hoursOn(LocalDate.parse("2026-12-04"))).withMessageContaining("2026-12-04")
                .withMessageContaining("'17:00' to '09:00'");
        assertThatIllegalStateException().isThrownBy(() -> calendar(shipped().replace("<text>\"UTC\"</text>",
                "<text>\"Mars/Olympus\"</text>")).zone()).withMessageContaining("Mars/Olympus");
        assertThatIllegalStateException().isThrownBy(() -> new WorkingTime(calendar(withRule("-", "-", "", "")))
                .plus(Instant.parse("2026-12-04T10:00:00Z"), "P1D")).withMessageContaining("no working day");
    }
}
