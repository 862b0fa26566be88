package io.leadjourney.sla;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance alert is raised once when the rate falls below the floor and cleared once when it is back. */
class AcceptanceRateWatchTest {

    @ParameterizedTest(name = "raised {0}, {1} accepted, {2} rejected -> {3}")
    @CsvSource({
            "false, 9, 1, HOLDING",             // 90 % is at the floor
            "false, 8, 2, RAISED",              // 80 %
            "true,  8, 2, STILL_BELOW",         // told before: not again
            "true,  9, 1, CLEARED",             // back at the floor
            "false, 0, 9, TOO_FEW_DECISIONS",   // nine decisions say nothing yet
            "true,  0, 9, TOO_FEW_DECISIONS",   // ... and do not clear a raised alert either
            "false, 95, 5, HOLDING"})
    void judge(boolean raised, long accepted, long rejected, AcceptanceRateWatch.Verdict verdict) {
        assertThat(AcceptanceRateWatch.judge(raised, accepted, rejected, 10, 0.90)).isEqualTo(verdict);
    }
}
