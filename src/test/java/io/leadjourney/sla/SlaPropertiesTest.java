package io.leadjourney.sla;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation group is checked at start-up (the rules are in the models: SlaLabelsTest, EveryRuleFiresTest). */
class SlaPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aSensibleContractIsAccepted() {
        assertThat(validator.validate(new SlaProperties("managers"))).isEmpty();
    }

    @Test
    void aBlankManagerGroupIsRefused() {
        assertThat(validator.validate(new SlaProperties(" ")))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("managerGroup");
    }
}
