package io.leadjourney.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lead-fit}: points for who the lead is (size band by head count or else revenue, industry, role, region,
 * business model, negative signals), summed by the service.
 */
class LeadFitTableTest {

    private static int fit(Integer employees, String industry, String role, String country) {
        return fit(employees, industry, role, country, null);
    }

    private static int fit(Integer employees, String industry, String role, String country, String domain) {
        return fit(employees, null, industry, null, role, country, domain);
    }

    private static int fit(Integer employees, Long revenue, String industry, String businessModel, String role,
                           String country, String domain) {
        return evaluate(DecisionKeys.LEAD_FIT, vars("employees", employees, "annualRevenue", revenue,
                "industry", industry, "businessModel", businessModel, "jobRole", role, "country", country,
                "emailDomain", domain)).getResultList().stream()
                .mapToInt(rule -> ((Number) rule.get("points")).intValue()).sum();
    }

    @ParameterizedTest
    @CsvSource({"999999,5", "1000000,10", "9999999,10", "10000000,20", "1000000000,20", "1000000001,25"})
    void withoutAHeadCountRevenueSizesTheCompany(long revenue, int points) {
        assertThat(fit(null, revenue, null, null, null, null, null)).isEqualTo(points);
    }

    @Test
    void aKnownHeadCountSizesTheCompanyAndRevenueIsNotCountedTwice() {
        assertThat(fit(30, 5_000_000_000L, null, null, null, null, null)).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource({"b2b,10", "b2b2c,10", "b2c,-5", "government,0"})
    void businessModelCounts(String model, int points) {
        assertThat(fit(null, null, null, model, null, null, null)).isEqualTo(points);
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
        for (Map<String, Object> rule : evaluate(DecisionKeys.LEAD_FIT, vars("employees", null, "annualRevenue",
                50_000_000L, "industry", "healthcare", "businessModel", "b2c", "jobRole", "cio", "country", "germany",
                "emailDomain", "gmail.com")).getResultList()) {
            assertThat((String) rule.get("reason")).isNotBlank();
        }
    }
}
