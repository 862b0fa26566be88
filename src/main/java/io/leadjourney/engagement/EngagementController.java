package io.leadjourney.engagement;

import io.leadjourney.system.ConcurrencyRetry;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngagementController {

    private final EngagementService engagement;
    private final EventBatchService batches;
    private final ConcurrencyRetry retry;

    EngagementController(EngagementService engagement, EventBatchService batches, ConcurrencyRetry retry) {
        this.engagement = engagement;
        this.batches = batches;
        this.retry = retry;
    }

    /** Up to 10,000 events for many leads; the answer reports each event as accepted, duplicate or rejected. */
    @PostMapping("/api/events")
    EventBatchReport ingest(@Valid @RequestBody EventBatch batch) {
        return retry.call(() -> batches.ingest(batch.events()));
    }

    @PostMapping("/api/leads/{id}/events")
    EngagementResult record(@PathVariable long id, @Valid @RequestBody NewEngagementEvent event) {
        return retry.call(() -> engagement.record(id, event));
    }
}
