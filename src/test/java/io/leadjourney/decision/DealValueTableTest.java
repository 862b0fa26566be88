package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code deal-value}: bigger companies tend to spend more. */
class DealValueTableTest {

    @ParameterizedTest
    @CsvSource({"8,3000", "35,12000", "250,40000", "1200,120000", ",5000"})
    void sizeEstimatesTheDealValue(Integer employees, double value) {
        assertThat(((Number) evaluate(DecisionKeys.DEAL_VALUE, vars("employees", employees)).getSingleEntry())
                .doubleValue()).isEqualTo(value);
    }
}
