package io.leadjourney.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Bulk imports ({@code leadjourney.imports.*}).
 *
 * @param chunkSize    rows whose leads and journeys commit together; a restart redoes at most one chunk
 * @param maxRows      the most rows one file may have
 * @param pollInterval how often a node looks for an import to work on
 */
@Validated
@ConfigurationProperties("leadjourney.imports")
public record ImportProperties(@Min(1) @Max(5000) int chunkSize, @Min(1) int maxRows,
                               @NotNull Duration pollInterval) {
}
