package io.leadjourney.sla;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Sales' side of the SLA: of the MQLs marketing hands over, sales accepts at least {@code floor}.
 *
 * @param floor         the acceptance rate below which managers are told (default 0.90)
 * @param window        the trailing period the rate is measured over (default 30 days)
 * @param minDecisions  accept-or-reject decisions the window needs before the rate means anything (default 10)
 * @param checkInterval how often the rate is checked (default 15 minutes)
 */
@Validated
@ConfigurationProperties("leadjourney.acceptance")
public record AcceptanceProperties(@DecimalMin("0.0") @DecimalMax("1.0") double floor, @NotNull Duration window,
                                   @Min(1) int minDecisions, @NotNull Duration checkInterval) {
}
