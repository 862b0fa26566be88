package io.leadjourney.decision;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code mql-qualification}: required fields, negative fit, the hand-raise and the grade matrix threshold. */
class MqlQualificationTableTest {

    private static DmnDecisionRuleResult verdict(boolean name, boolean company, int fit, String grade,
                                                 boolean handRaise) {
        return evaluate(DecisionKeys.MQL_QUALIFICATION, vars("hasName", name, "hasCompany", company,
                "fitScore", fit, "grade", grade, "wantsContact", handRaise)).getFirstResult();
    }

    @ParameterizedTest
    @CsvSource({
            // name, company, fit, grade, hand-raise, MQL?
            "true,  true,  40, A4, true,  true",
            "true,  true,  5,  D4, true,  false",
            "true,  true,  30, B2, false, true",
            "true,  true,  10, C2, false, true",
            "true,  true,  45, A1, false, true",
            "true,  true,  10, C3, false, false",
            "true,  true,  9,  D1, false, false",
            "true,  true,  0,  D4, false, false",
            "false, true,  50, A1, true,  false",
            "true,  false, 50, A1, true,  false",
            "true,  true,  -5, D1, true,  false"})
    void decides(boolean name, boolean company, int fit, String grade, boolean handRaise, boolean mql) {
        assertThat((Boolean) verdict(name, company, fit, grade, handRaise).getEntry("qualified")).isEqualTo(mql);
    }

    @Test
    void missingRequiredInformationIsNamed() {
        assertThat((String) verdict(true, false, 50, "A1", true).getEntry("reason")).contains("company");
    }
}
