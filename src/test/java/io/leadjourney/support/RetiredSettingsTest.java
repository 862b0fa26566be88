package io.leadjourney.support;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A release that moved a rule into a model does not start with the rule still in application.yaml. */
class RetiredSettingsTest {

    @Test
    void holidaysLeftInTheYamlStopTheStartNamingTheModel() {
        MockEnvironment yaml = new MockEnvironment().withProperty("leadjourney.calendar.holidays[0]", "2026-12-25")
                .withProperty("leadjourney.routing.weigh-by-win-rate", "true");

        assertThatIllegalStateException().isThrownBy(() -> new RetiredSettings(yaml))
                .withMessageContaining("leadjourney.calendar.holidays (now bpmn/working-calendar.dmn)")
                .withMessageContaining("leadjourney.routing.weigh-by-win-rate (now bpmn/round-robin-weighting.dmn)");
    }

    @Test
    void anEnvironmentVariableCountsToo() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "systemEnvironment", java.util.Map.of("LEADJOURNEY_CALENDAR_ZONE", "Europe/Berlin")));

        assertThatIllegalStateException().isThrownBy(() -> new RetiredSettings(environment))
                .withMessageContaining("leadjourney.calendar.zone");
    }

    @Test
    void theSettingsThatRemainAreFine() {
        MockEnvironment yaml = new MockEnvironment().withProperty("leadjourney.sla.manager-group", "managers")
                .withProperty("leadjourney.routing.win-rate-refresh", "PT1M");

        assertThatCode(() -> new RetiredSettings(yaml)).doesNotThrowAnyException();
    }
}
