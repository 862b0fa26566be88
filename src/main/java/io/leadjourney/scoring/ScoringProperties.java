package io.leadjourney.scoring;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the application reads the process owners' tables. The rules (points, caps, decay, ...) are the tables'.
 *
 * @param decisionRefresh how often the deployed tables are checked for a new version (default 10 s)
 */
@Validated
@ConfigurationProperties("leadjourney.scoring")
public record ScoringProperties(@NotNull Duration decisionRefresh) {
}
