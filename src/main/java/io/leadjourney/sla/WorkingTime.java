package io.leadjourney.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds ISO-8601 durations in working time, so that an SLA of "one business day" means what a sales team means:
 * <ul>
 *   <li>a day ({@code D}) is a working day: the same time of day on the next working day, so Friday 17:00
 *       plus {@code P1D} is Monday 17:00;</li>
 *   <li>hours, minutes and seconds ({@code H}, {@code M}, {@code S} after {@code T}) are working time, carried
 *       over the closing time into the next working day, so Friday 16:00 plus {@code PT4H} is Monday 12:00;</li>
 *   <li>a week ({@code W}) is as many working days as the calendar has in the seven days that follow; months
 *       and years are calendar months and years.</li>
 * </ul>
 * A start outside working hours counts from the next opening (before opening, on a day off) or from the
 * day's closing (after closing). Which days are worked, and their hours, is the {@link TeamCalendar}'s to say (a
 * holiday is a day without hours; a Friday may close early). Times of day are in the calendar's zone, so daylight
 * saving time moves the instants, not the working hours. Arithmetic only: the calendar is asked, nothing stored.
 */
public final class WorkingTime {

    private static final Pattern ISO = Pattern.compile(
            "^P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$");

    /** How far ahead a working day is looked for before the calendar counts as having none. */
    static final int MAX_DAYS_OFF_IN_A_ROW = 366;
    private final TeamCalendar calendar;
    private final ZoneId zone;

    public WorkingTime(TeamCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    /** Whether {@link #plus} understands the text: an ISO-8601 duration such as {@code P2D} or {@code PT4H}. */
    public static boolean isDuration(String text) {
        return text != null && !"P".equals(text) && !text.endsWith("T") && ISO.matcher(text).matches();
    }

    /** {@code start} plus {@code isoDuration} of working time. */
    public Instant plus(Instant start, String isoDuration) {
        Matcher parts = ISO.matcher(isoDuration);
        if (!isDuration(isoDuration) || !parts.matches()) {
            throw new IllegalArgumentException("Not an ISO-8601 duration such as P2D or PT4H: " + isoDuration);
        }
        ZonedDateTime at = intoWorkingTime(start.atZone(zone));
        long years = number(parts.group(1));
        long months = number(parts.group(2));
        if (years > 0 || months > 0) {
            at = intoWorkingTime(at.plusYears(years).plusMonths(months));
        }
        long days = number(parts.group(4)) + workingDaysIn(at.toLocalDate(), number(parts.group(3)));
        if (days > 0) {
            // The same time of day on the working day reached, within that day's hours (a short Friday between
            // does not move the time of day).
            LocalDate date = at.toLocalDate();
            for (long day = 0; day < days; day++) {
                date = nextWorkingDay(date);
            }
            at = within(ZonedDateTime.of(date, at.toLocalTime(), zone), hours(date));
        }
        Duration left = Duration.ofHours(number(parts.group(5))).plusMinutes(number(parts.group(6)))
                .plusSeconds(number(parts.group(7)));
        while (!left.isZero()) {
            Duration untilClosing = Duration.between(at, at.with(hours(at.toLocalDate()).closes()));
            if (left.compareTo(untilClosing) <= 0) {
                at = at.plus(left);
                left = Duration.ZERO;
            } else {
                left = left.minus(untilClosing);
                LocalDate next = nextWorkingDay(at.toLocalDate());
                at = ZonedDateTime.of(next, hours(next).opens(), zone);
            }
        }
        return at.toInstant();
    }

    /** The moment itself when it is in working hours; else the next opening, or the closing of the same day. */
    public Instant intoWorkingTime(Instant moment) {
        return intoWorkingTime(moment.atZone(zone)).toInstant();
    }

    ZonedDateTime intoWorkingTime(ZonedDateTime moment) {
        ZonedDateTime local = moment.withZoneSameInstant(zone);
        LocalDate date = local.toLocalDate();
        Optional<TeamCalendar.Hours> today = calendar.hoursOn(date);
        if (today.isEmpty()) {
            LocalDate next = nextWorkingDay(date);
            return ZonedDateTime.of(next, hours(next).opens(), zone);
        }
        return within(local, today.get());
    }

    /** The moment, or the day's opening before it, or its closing after it. */
    private ZonedDateTime within(ZonedDateTime moment, TeamCalendar.Hours hours) {
        LocalTime time = moment.toLocalTime();
        if (time.isBefore(hours.opens())) {
            return moment.with(hours.opens());
        }
        if (time.isAfter(hours.closes())) {
            return moment.with(hours.closes());
        }
        return moment;
    }

    boolean isWorkingDay(LocalDate date) {
        return calendar.hoursOn(date).isPresent();
    }

    private TeamCalendar.Hours hours(LocalDate workingDay) {
        return calendar.hoursOn(workingDay).orElseThrow(() -> new IllegalStateException(
                "The working calendar changed while counting: " + workingDay + " is no longer a working day"));
    }

    /** The working days of the {@code weeks} weeks after the date. */
    private long workingDaysIn(LocalDate date, long weeks) {
        long count = 0;
        for (long day = 1; day <= 7 * weeks; day++) {
            if (isWorkingDay(date.plusDays(day))) {
                count++;
            }
        }
        return count;
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        for (int daysOff = 0; !isWorkingDay(next); daysOff++) {
            if (daysOff >= MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("The working calendar has no working day in the year after "
                        + date + "; working-calendar.dmn needs a rule that opens some days");
            }
            next = next.plusDays(1);
        }
        return next;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
