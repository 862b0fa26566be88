package io.leadjourney.intake;

import io.leadjourney.support.ConcurrencyRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Engagement events", description = "What leads do: opens, clicks, visits, downloads, trials")
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
    @Operation(summary = "Post a batch of events", description = "Groups: integration, marketing, admins. Up to"
            + " 10,000 events naming their lead by id or e-mail (an unknown e-mail is kept as anonymous activity"
            + " until that lead is captured). Each event is reported as accepted, duplicate (same eventId) or"
            + " rejected with the reason; one bad event does not refuse the others.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "two events", value = """
                    {"events": [
                      {"eventId": "mkto-81723", "email": "ada@example.com", "type": "PRICING_PAGE_VISITED",
                       "occurredAt": "2026-11-20T10:15:00Z", "page": "/pricing"},
                      {"eventId": "mkto-81724", "leadId": 42, "type": "CONTENT_DOWNLOADED",
                       "occurredAt": "2026-11-20T10:17:00Z", "asset": "buyers-guide.pdf", "campaign": "q4"}]}
                    """))))
    @PostMapping("/api/events")
    EventBatchReport ingest(@Valid @RequestBody EventBatch batch) {
        return retry.call(() -> batches.ingest(batch.events()));
    }

    @Operation(summary = "Post one event of a lead", description = "Groups: integration, marketing, admins."
            + " Answers the lead's new score; a lead that crosses the MQL threshold is routed.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "trial started", value = """
                    {"type": "TRIAL_STARTED", "occurredAt": "2026-11-20T10:15:00Z"}
                    """))))
    @PostMapping("/api/leads/{id}/events")
    EngagementResult record(@PathVariable long id, @Valid @RequestBody NewEngagementEvent event) {
        return retry.call(() -> engagement.record(id, event));
    }
}
