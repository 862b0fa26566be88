package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code lead-routing}: company-size bands to groups of reps (the domain's rep A / B / C example). */
class LeadRoutingTableTest {

    @ParameterizedTest
    @CsvSource({"0,reps-small", "9,reps-small", "10,reps-small", "11,reps-mid", "20,reps-mid", "50,reps-mid",
            "51,reps-large", "5000,reps-large", ",sales-reps"})
    void companySizePicksTheBand(Integer employees, String group) {
        assertThat((String) evaluate(DecisionKeys.LEAD_ROUTING, vars("employees", employees)).getFirstResult()
                .getEntry("repGroup")).isEqualTo(group);
    }
}
