package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code bant-temperature}: hot = need + budget + authority + timeframe, warm = need only, cold = no need. */
class BantTemperatureTableTest {

    @ParameterizedTest
    @CsvSource({
            "true,  true,  true,  WITHIN_3_MONTHS,  HOT",
            "true,  true,  true,  WITHIN_12_MONTHS, HOT",
            "true,  true,  false, WITHIN_3_MONTHS,  WARM",
            "true,  true,  true,  LATER,            WARM",
            "true,  false, true,  WITHIN_3_MONTHS,  WARM",
            "false, true,  true,  WITHIN_3_MONTHS,  COLD",
            "false, false, false, UNKNOWN,          COLD"})
    void temperature(boolean need, boolean budget, boolean authority, String timeline, String temperature) {
        assertThat((String) evaluate(DecisionKeys.BANT_TEMPERATURE, vars("bantNeed", need, "bantBudget", budget,
                "bantAuthority", authority, "bantTimeline", timeline)).getSingleEntry()).isEqualTo(temperature);
    }
}
