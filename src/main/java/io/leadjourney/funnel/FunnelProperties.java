package io.leadjourney.funnel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param quarterlyMqlCommitment the MQLs marketing commits to deliver per quarter (default 300); the weekly
 *                               target is a thirteenth of it
 * @param stuckListSize          how many of the longest-waiting open leads the funnel lists (default 50)
 */
@Validated
@ConfigurationProperties("leadjourney.funnel")
public record FunnelProperties(@Min(0) int quarterlyMqlCommitment, @Min(1) @Max(1000) int stuckListSize) {
}
