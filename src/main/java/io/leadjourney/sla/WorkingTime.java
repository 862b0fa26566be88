package io.leadjourney.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds ISO-8601 durations in working time, so that an SLA of "one business day" means what a sales team means:
 * <ul>
 *   <li>a day ({@code D}) is a working day: the same time of day on the next working day, so Friday 17:00
 *       plus {@code P1D} is Monday 17:00;</li>
 *   <li>hours, minutes and seconds ({@code H}, {@code M}, {@code S} after {@code T}) are working time, carried
 *       over the closing time into the next working day, so Friday 16:00 plus {@code PT4H} is Monday 12:00;</li>
 *   <li>a week ({@code W}) is as many working days as a week has; months and years are calendar months and
 *       years.</li>
 * </ul>
 * A start outside working hours counts from the next opening (before opening, on a day off) or from the
 * day's closing (after closing). Holidays are days off. Times of day are in the configured zone, so daylight
 * saving time moves the instants, not the working hours. Pure arithmetic: no engine, no database.
 */
public final class WorkingTime {

    private static final Pattern ISO = Pattern.compile(
            "^P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$");

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    public WorkingTime(CalendarProperties properties) {
        this.zone = properties.zone();
        this.workingDays = EnumSet.copyOf(properties.workingDays());
        this.opens = properties.opens();
        this.closes = properties.closes();
        this.holidays = new HashSet<>(properties.holidays());
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
        long days = number(parts.group(4)) + number(parts.group(3)) * workingDays.size();
        for (long day = 0; day < days; day++) {
            at = at.with(nextWorkingDay(at.toLocalDate()));
        }
        Duration left = Duration.ofHours(number(parts.group(5))).plusMinutes(number(parts.group(6)))
                .plusSeconds(number(parts.group(7)));
        while (!left.isZero()) {
            Duration untilClosing = Duration.between(at, at.with(closes));
            if (left.compareTo(untilClosing) <= 0) {
                at = at.plus(left);
                left = Duration.ZERO;
            } else {
                left = left.minus(untilClosing);
                at = ZonedDateTime.of(nextWorkingDay(at.toLocalDate()), opens, zone);
            }
        }
        return at.toInstant();
    }

    /** The moment itself when it is in working hours; else the next opening, or the closing of the same day. */
    ZonedDateTime intoWorkingTime(ZonedDateTime moment) {
        LocalDate date = moment.toLocalDate();
        if (!isWorkingDay(date)) {
            return ZonedDateTime.of(nextWorkingDay(date), opens, zone);
        }
        LocalTime time = moment.toLocalTime();
        if (time.isBefore(opens)) {
            return ZonedDateTime.of(date, opens, zone);
        }
        if (time.isAfter(closes)) {
            return ZonedDateTime.of(date, closes, zone);
        }
        return moment;
    }

    boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
