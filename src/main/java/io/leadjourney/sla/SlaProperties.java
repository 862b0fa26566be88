package io.leadjourney.sla;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sales contract's counts. The SLA durations are not here: each timer shows its own in the model
 * ({@code bpmn/lead-journey.bpmn}), where process owners read and change it in Modeler.
 *
 * @param cadenceMaxCalls         calls in the cadence contract (3)
 * @param cadenceMaxEmails        e-mails in the cadence contract (3)
 * @param managerGroup            the group told about breaches, and who reassigns by hand (managers)
 */
@Validated
@ConfigurationProperties("leadjourney.sla")
public record SlaProperties(
        @Min(0) int cadenceMaxCalls,
        @Min(0) int cadenceMaxEmails,
        @NotBlank String managerGroup) {
}
