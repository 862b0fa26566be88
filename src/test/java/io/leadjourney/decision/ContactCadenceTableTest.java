package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code contact-cadence}: the contract sales signed (3 calls and 3 e-mails over 10 working days), and more for a
 * large deal, by the value {@code deal-value} estimates from the company's size.
 */
class ContactCadenceTableTest {

    @ParameterizedTest
    @CsvSource({
            "5,    3, 3, P10D",
            "40,   3, 3, P10D",
            "1000, 3, 3, P10D",
            "1001, 5, 5, P20D",
            ",     3, 3, P10D"})
    void aLargeDealGetsMoreContactsOverALongerWindow(Integer employees, int calls, int emails, String window) {
        Object dealValue = evaluate(DecisionKeys.DEAL_VALUE, vars("employees", employees)).getFirstResult()
                .getEntry("estimatedValue");
        var contract = evaluate(DecisionKeys.CONTACT_CADENCE, vars("dealValue", dealValue, "employees", employees,
                "businessModel", null)).getFirstResult();

        assertThat(contract.<Number>getEntry("maxCalls").intValue()).isEqualTo(calls);
        assertThat(contract.<Number>getEntry("maxEmails").intValue()).isEqualTo(emails);
        assertThat(contract.<String>getEntry("cadenceWindow")).isEqualTo(window);
        assertThat(contract.<String>getEntry("usedUpWhen")).isEqualTo("both");
    }
}
