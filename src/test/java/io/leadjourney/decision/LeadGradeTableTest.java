package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code lead-grade}: the matrix of fit A-D by engagement 1-4, at every band edge. */
class LeadGradeTableTest {

    @ParameterizedTest
    @CsvSource({"40,50,A1", "39,49,B2", "25,25,B2", "24,24,C3", "10,10,C3", "9,9,D4", "-20,0,D4", "100,0,A4",
            "0,100,D1"})
    void grade(int fit, int engagement, String grade) {
        assertThat((String) evaluate(DecisionKeys.LEAD_GRADE, vars("fitScore", fit, "engagementScore", engagement))
                .getSingleEntry()).isEqualTo(grade);
    }
}
