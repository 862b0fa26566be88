package io.leadjourney.sla;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's counts are checked at start-up (the durations are in the model: SlaLabelsTest). */
class SlaPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aSensibleContractIsAccepted() {
        assertThat(validator.validate(new SlaProperties(3, 3, "managers"))).isEmpty();
    }

    @Test
    void negativeCadenceIsRefused() {
        assertThat(validator.validate(new SlaProperties(-1, 3, "managers")))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("cadenceMaxCalls");
    }
}
