package io.leadjourney.sla;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA durations are checked at start-up, so a typo never reaches a timer. */
class SlaPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static SlaProperties withAcceptReminder(String duration) {
        return new SlaProperties(duration, "PT48H", "PT24H", "PT48H", "P14D", 3, 3, "managers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT24H", "P1D", "P2D", "PT30M", "P1DT12H", "P2W"})
    void isoDurationsAreAccepted(String duration) {
        assertThat(validator.validate(withAcceptReminder(duration))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"24h", "PT", "P", "1 day", "PT24", "P-1D", ""})
    void anythingElseIsRefusedNamingTheProperty(String duration) {
        assertThat(validator.validate(withAcceptReminder(duration)))
                .extracting(violation -> violation.getPropertyPath().toString()).contains("acceptRemindAfter");
    }

    @Test
    void negativeCadenceIsRefused() {
        assertThat(validator.validate(new SlaProperties("PT24H", "PT48H", "PT24H", "PT48H", "P14D", -1, 3,
                "managers"))).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("cadenceMaxCalls");
    }
}
