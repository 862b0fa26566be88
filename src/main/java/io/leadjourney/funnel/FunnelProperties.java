package io.leadjourney.funnel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the funnel is shown. Marketing's commitment is {@code mql-commitment.dmn}.
 *
 * @param stuckListSize how many of the longest-waiting open leads the funnel lists (default 50)
 */
@Validated
@ConfigurationProperties("leadjourney.funnel")
public record FunnelProperties(@Min(1) @Max(1000) int stuckListSize) {
}
