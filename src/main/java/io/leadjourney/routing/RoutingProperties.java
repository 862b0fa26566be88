package io.leadjourney.routing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the round robin inside a group of reps works.
 *
 * @param weighByWinRate give reps who win more of the deals they hand to sales more turns (default true); a rep's
 *                       weight is their smoothed win rate, so a rep without outcomes yet counts as average
 * @param minClosedDeals closed deals (won or lost) a group needs before win rates count at all (default 5)
 * @param winRateRefresh how long the reps' closed deals are kept before they are counted again (default PT1M;
 *                       PT0S counts them for every lead routed); see {@link WinRates}
 */
@Validated
@ConfigurationProperties("leadjourney.routing")
public record RoutingProperties(boolean weighByWinRate, @Min(1) int minClosedDeals,
                                @NotNull @DefaultValue("PT1M") Duration winRateRefresh) {
}
