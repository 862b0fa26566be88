package io.leadjourney.sla;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the SLAs escalate to. The rules are not here: each SLA timer shows its duration in the model
 * ({@code bpmn/lead-journey.bpmn}), and the contact cadence (calls, e-mails, window) is {@code contact-cadence.dmn},
 * where process owners read and change them in Modeler.
 *
 * @param managerGroup the group told about breaches, and who reassigns by hand (managers)
 */
@Validated
@ConfigurationProperties("leadjourney.sla")
public record SlaProperties(
        @NotBlank String managerGroup) {
}
