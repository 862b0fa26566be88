package io.leadjourney.scoring;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How engagement ages. Points and caps belong to process owners (DMN); how fast activity goes stale is
 * configuration.
 *
 * @param decay          {@code HALF_LIFE}: an event's points halve every {@code halfLife}; {@code WINDOW}: only events
 *                       of the last {@code window} count; {@code NONE}: activity never goes stale
 * @param halfLife       default 30 days
 * @param window         default 90 days
 * @param decisionRefresh how often the deployed scoring tables are checked for a new version (default 10 s)
 */
@Validated
@ConfigurationProperties("leadjourney.scoring")
public record ScoringProperties(@NotNull Decay decay, @NotNull Duration halfLife, @NotNull Duration window,
                                @NotNull Duration decisionRefresh) {

    public enum Decay { HALF_LIFE, WINDOW, NONE }
}
