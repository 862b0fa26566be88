package io.leadjourney.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lead-routing}: territory, company-size band and score pick the group of reps (the domain's rep A / B / C
 * example for the size bands: up to 10, 11 to 50, more than 50 employees).
 */
class LeadRoutingTableTest {

    private static String group(String country, Integer employees, Integer score) {
        return (String) evaluate(DecisionKeys.LEAD_ROUTING, vars("country", country, "employees", employees,
                "totalScore", score)).getFirstResult().getEntry("repGroup");
    }

    @ParameterizedTest
    @CsvSource({"0,reps-small", "9,reps-small", "10,reps-small", "11,reps-mid", "20,reps-mid", "50,reps-mid",
            "51,reps-large", "5000,reps-large", ",sales-reps"})
    void companySizePicksTheBand(Integer employees, String group) {
        assertThat(group("germany", employees, 40)).isEqualTo(group);
    }

    @ParameterizedTest
    @CsvSource({"australia", "japan", "singapore", "india"})
    void theApacTerritoryHasItsOwnTeamWhateverTheSize(String country) {
        assertThat(group(country, 5000, 90)).isEqualTo("reps-apac");
        assertThat(group(country, null, null)).isEqualTo("reps-apac");
    }

    @Test
    void aHotLeadOfUnknownSizeSkipsTheSharedQueue() {
        assertThat(group(null, null, 70)).isEqualTo("reps-mid");
        assertThat(group(null, null, 69)).isEqualTo("sales-reps");
    }

    @Test
    void everyRuleNamesItsBand() {
        assertThat((String) evaluate(DecisionKeys.LEAD_ROUTING, vars("country", null, "employees", null,
                "totalScore", null)).getFirstResult().getEntry("band")).isNotBlank();
    }
}
