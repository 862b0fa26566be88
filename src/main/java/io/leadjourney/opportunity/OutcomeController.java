package io.leadjourney.opportunity;

import io.leadjourney.support.ConcurrencyRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@Tag(name = "Deal outcomes", description = "Won and lost, reported by the CRM")
class OutcomeController {

    private final OutcomeService outcomes;
    private final ConcurrencyRetry retry;

    OutcomeController(OutcomeService outcomes, ConcurrencyRetry retry) {
        this.outcomes = outcomes;
        this.retry = retry;
    }

    /** 201 when the outcome is recorded; 200 when the same outcome was recorded before (a replay). */
    @Operation(summary = "Report a deal's outcome", description = "Groups: integration, managers, admins. 201 when"
            + " recorded; 200 when the same outcome was recorded before (a replay).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "won", value = """
                            {"outcome": "WON", "value": 48000.00, "currency": "EUR", "closedOn": "2026-11-20"}
                            """),
                    @ExampleObject(name = "lost", value = """
                            {"outcome": "LOST", "closedOn": "2026-11-20", "lostReason": "COMPETITOR"}
                            """)})))
    @PostMapping("/api/leads/{id}/outcome")
    ResponseEntity<OutcomeView> record(@PathVariable long id, @Valid @RequestBody NewOutcome outcome,
                                       Principal principal) {
        OutcomeView view = retry.call(() -> outcomes.record(id, outcome, principal.getName()));
        return ResponseEntity.status(view.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }
}
