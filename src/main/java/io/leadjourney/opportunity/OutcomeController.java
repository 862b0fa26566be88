package io.leadjourney.opportunity;

import io.leadjourney.system.ConcurrencyRetry;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
class OutcomeController {

    private final OutcomeService outcomes;
    private final ConcurrencyRetry retry;

    OutcomeController(OutcomeService outcomes, ConcurrencyRetry retry) {
        this.outcomes = outcomes;
        this.retry = retry;
    }

    /** 201 when the outcome is recorded; 200 when the same outcome was recorded before (a replay). */
    @PostMapping("/api/leads/{id}/outcome")
    ResponseEntity<OutcomeView> record(@PathVariable long id, @Valid @RequestBody NewOutcome outcome,
                                       Principal principal) {
        OutcomeView view = retry.call(() -> outcomes.record(id, outcome, principal.getName()));
        return ResponseEntity.status(view.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }
}
