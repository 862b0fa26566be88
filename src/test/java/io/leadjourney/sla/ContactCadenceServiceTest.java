package io.leadjourney.sla;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The contract's state as the contact-attempt form shows it: what is left and when the next attempt is due. */
class ContactCadenceServiceTest {

    private static final Instant WEDNESDAY_10 = Instant.parse("2026-11-18T10:00:00Z");

    private static SlaCalendar calendar() {
        return new SlaCalendar(TeamCalendar.weekly(ZoneId.of("UTC"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                List.of()));
    }

    private static ContactCadenceService cadence() {
        return new ContactCadenceService(mock(ContactAttemptRepository.class), calendar(),
                Clock.fixed(WEDNESDAY_10, ZoneOffset.UTC));
    }

    @Test
    void theFirstAttemptIsDueWhenTheModelDueDateOfTheFirstContactSays() {
        CadenceState start = cadence().start(3, 3, Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(start.nextAttemptDue()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(start.summary()).isEqualTo("3 call(s) and 3 e-mail(s) left; next attempt due by Fri 20 Nov 10:00 (UTC)");
    }

    @Test
    void theAttemptsLeftAreSpreadOverWhatIsLeftOfTheWindow() {
        Instant windowEnd = WEDNESDAY_10.plus(Duration.ofDays(10));
        CadenceState state = cadence().logAttempt(1L, "rep-a",
                ContactChannel.CALL, false, null, 0, 0, contract(windowEnd));
        assertThat(state.callsLeft()).isEqualTo(2);
        assertThat(state.nextAttemptDue()).as("5 attempts left over 10 days").isEqualTo(WEDNESDAY_10
                .plus(Duration.ofDays(2)));
    }

    @Test
    void aReachedLeadOrAUsedUpContractHasNoNextAttempt() {
        ContactCadenceService cadence = cadence();
        Instant windowEnd = WEDNESDAY_10.plus(Duration.ofDays(10));
        CadenceState reached = cadence.logAttempt(1L, "rep-a", ContactChannel.CALL, true, null, 0, 0,
                contract(windowEnd));
        assertThat(reached.summary()).isEqualTo("2 call(s) and 3 e-mail(s) left");
        CadenceState usedUp = cadence.logAttempt(1L, "rep-a", ContactChannel.EMAIL, false, null, 3, 2,
                contract(windowEnd));
        assertThat(usedUp.contractUsedUp()).isTrue();
        assertThat(usedUp.nextAttemptDue()).isNull();
    }

    /** A table may say the contract is used up when either channel is: three calls without reaching the lead. */
    @Test
    void aContractUsedUpWhenEitherChannelIsEndsWithTheLastCall() {
        Instant windowEnd = WEDNESDAY_10.plus(Duration.ofDays(10));
        CadenceContract either = new CadenceContract(3, 3, CadenceContract.UsedUpWhen.of("either"), windowEnd);
        CadenceState thirdCall = cadence().logAttempt(1L, "rep-a", ContactChannel.CALL, false, null, 2, 0, either);
        assertThat(thirdCall.contractUsedUp()).isTrue();
        assertThat(thirdCall.nextAttemptDue()).isNull();
        CadenceState asShipped = cadence().logAttempt(1L, "rep-a", ContactChannel.CALL, false, null, 2, 0,
                contract(windowEnd));
        assertThat(asShipped.contractUsedUp()).as("both channels, by default").isFalse();
    }

    private static CadenceContract contract(Instant windowEnd) {
        return new CadenceContract(3, 3, CadenceContract.UsedUpWhen.of(null), windowEnd);
    }

    @Test
    void aNextAttemptThatWouldFallOnTheWeekendIsDueWhenTheTeamIsBack() {
        Instant fridayNoon = Instant.parse("2026-11-20T12:00:00Z");
        ContactCadenceService cadence = new ContactCadenceService(mock(ContactAttemptRepository.class), calendar(),
                Clock.fixed(fridayNoon, ZoneOffset.UTC));
        // One attempt left, two days of window: the middle is Saturday noon.
        CadenceState state = cadence.logAttempt(1L, "rep-a", ContactChannel.CALL, false, null, 1, 3,
                contract(fridayNoon.plus(Duration.ofDays(2))));
        assertThat(state.nextAttemptDue()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(state.summary()).endsWith("next attempt due by Mon 23 Nov 09:00 (UTC)");
    }

    @Test
    void workingTimeCountsWorkingHoursAndDays() {
        assertThat(calendar().plus(Instant.parse("2026-11-20T16:00:00Z"), "PT4H"))
                .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(calendar().plus(Instant.parse("2026-11-20T16:00:00Z"), "P1D"))
                .isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
    }
}
