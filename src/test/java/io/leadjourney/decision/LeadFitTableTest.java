package io.leadjourney.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code lead-fit}: points for who the lead is (size band, industry, role, region), summed by the service. */
class LeadFitTableTest {

    private static int fit(Integer employees, String industry, String role, String country) {
        return fit(employees, industry, role, country, null);
    }

    private static int fit(Integer employees, String industry, String role, String country, String domain) {
        return evaluate(DecisionKeys.LEAD_FIT, vars("employees", employees, "industry", industry, "jobRole", role,
                "country", country, "emailDomain", domain)).getResultList().stream()
                .mapToInt(rule -> ((Number) rule.get("points")).intValue()).sum();
    }

    @ParameterizedTest
    @CsvSource({"1,5", "10,5", "11,10", "50,10", "51,20", "1000,20", "1001,25"})
    void sizeBands(int employees, int points) {
        assertThat(fit(employees, null, null, null)).isEqualTo(points);
    }

    @Test
    void unknownSizeAndNoOtherDataScoresNothing() {
        assertThat(fit(null, null, null, null)).isZero();
        assertThat(fit(0, null, null, null)).isZero();
    }

    @Test
    void targetIndustryDecisionMakerInTargetRegionAddUp() {
        assertThat(fit(35, "software", "vp engineering", "united states")).isEqualTo(10 + 10 + 15 + 5);
    }

    @ParameterizedTest
    @CsvSource({"cto", "chief revenue officer", "head of operations", "it director", "co-founder"})
    void decisionMakerRolesScore(String role) {
        assertThat(fit(null, null, role, null)).isEqualTo(15);
    }

    @Test
    void studentsScoreNegative() {
        assertThat(fit(null, null, "student", null)).isEqualTo(-20);
    }

    @ParameterizedTest
    @CsvSource({"gmail.com,-10", "gmx.de,-10", "salesforce.com,-100", "hubspot.com,-100", "acme.example,0"})
    void freeMailAndCompetitorDomainsAreNegativeSignals(String domain, int points) {
        assertThat(fit(null, null, null, null, domain)).isEqualTo(points);
    }

    @Test
    void everyMatchedRuleExplainsItself() {
        for (Map<String, Object> rule : evaluate(DecisionKeys.LEAD_FIT, vars("employees", 200, "industry", "healthcare",
                "jobRole", "cio", "country", "germany", "emailDomain", "gmail.com")).getResultList()) {
            assertThat((String) rule.get("reason")).isNotBlank();
        }
    }
}
