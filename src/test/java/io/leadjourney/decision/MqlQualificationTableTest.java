package io.leadjourney.decision;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code mql-qualification}: required fields, negative fit, hand-raise and the fit/engagement threshold. */
class MqlQualificationTableTest {

    private static DmnDecisionRuleResult verdict(boolean name, boolean company, int fit, int engagement,
                                                    boolean handRaise) {
        return evaluate(DecisionKeys.MQL_QUALIFICATION, vars("hasName", name, "hasCompany", company,
                "fitScore", fit, "engagementScore", engagement, "totalScore", fit + engagement,
                "wantsContact", handRaise)).getFirstResult();
    }

    @ParameterizedTest
    @CsvSource({
            // name, company, fit, engagement, hand-raise, MQL?, grade
            "true,  true,  40, 0,  true,  true,  A",
            "true,  true,  5,  0,  true,  false, D",
            "true,  true,  30, 30, false, true,  A",
            "true,  true,  10, 25, false, true,  B",
            "true,  true,  10, 24, false, false, C",
            "true,  true,  9,  60, false, false, C",
            "true,  true,  0,  0,  false, false, D",
            "false, true,  50, 50, true,  false, D",
            "true,  false, 50, 50, true,  false, D",
            "true,  true,  -5, 80, true,  false, D"})
    void decides(boolean name, boolean company, int fit, int engagement, boolean handRaise, boolean mql, String grade) {
        DmnDecisionRuleResult result = verdict(name, company, fit, engagement, handRaise);
        assertThat((Boolean) result.getEntry("qualified")).isEqualTo(mql);
        assertThat((String) result.getEntry("grade")).isEqualTo(grade);
    }

    @Test
    void missingRequiredInformationIsNamed() {
        assertThat((String) verdict(true, false, 50, 50, true).getEntry("reason")).contains("company");
    }
}
