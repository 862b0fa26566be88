package io.leadjourney.routing;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How routing reads the reps' record. Whether the round robin weighs by win rate, and from how many closed deals, is
 * {@code round-robin-weighting.dmn}'s to say.
 *
 * @param winRateRefresh how long the reps' closed deals are kept before they are counted again (default PT1M;
 *                       PT0S counts them for every lead routed); see {@link WinRates}
 */
@Validated
@ConfigurationProperties("leadjourney.routing")
public record RoutingProperties(@NotNull @DefaultValue("PT1M") Duration winRateRefresh) {
}
