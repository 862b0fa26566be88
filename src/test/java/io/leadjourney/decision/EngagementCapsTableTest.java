package io.leadjourney.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code engagement-caps}: no single behaviour type dominates, and engagement as a whole is capped. */
class EngagementCapsTableTest {

    @ParameterizedTest
    @CsvSource({"email,40", "web,40", "content,30", "form,30", "trial,25", "TOTAL,100"})
    void groupsAreCapped(String group, int cap) {
        assertThat(((Number) evaluate(DecisionKeys.ENGAGEMENT_CAPS, vars("scoreGroup", group)).getSingleEntry())
                .intValue()).isEqualTo(cap);
    }

    @Test
    void negativeSignalsAreNeverCapped() {
        assertThat(evaluate(DecisionKeys.ENGAGEMENT_CAPS, vars("scoreGroup", "negative")).getResultList()).isEmpty();
    }
}
