package io.leadjourney.imports;

import java.time.Instant;
import java.util.List;

/**
 * Where an import stands.
 *
 * @param rowsDone      rows with a verdict (accepted, duplicate or rejected), out of {@code totalRows}
 * @param rowsPerSecond rows the worker has finished per second since it started on this import
 * @param etaSeconds    at that rate, seconds until the last row (null before the worker starts or when done)
 */
public record ImportView(long id, String fileName, String source, String status, int totalRows, int rowsDone,
                         int accepted, int duplicates, int rejected, List<String> ignoredColumns,
                         String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                         Double rowsPerSecond, Long etaSeconds) {
}
