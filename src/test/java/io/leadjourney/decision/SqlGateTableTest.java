package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sql-gate}: "ready" needs a problem we solve and the ability to buy (budget or authority). */
class SqlGateTableTest {

    @ParameterizedTest
    @CsvSource({
            "true,  true,  false, true",
            "true,  false, true,  true",
            "true,  true,  true,  true",
            "true,  false, false, false",
            "false, true,  true,  false",
            "false, false, false, false"})
    void ready(boolean need, boolean budget, boolean authority, boolean ready) {
        var verdict = evaluate(DecisionKeys.SQL_GATE, vars("bantNeed", need, "bantBudget", budget, "bantAuthority",
                authority)).getFirstResult();
        assertThat(verdict.<Boolean>getEntry("ready")).isEqualTo(ready);
        assertThat(verdict.<String>getEntry("reason")).isNotBlank();
    }
}
