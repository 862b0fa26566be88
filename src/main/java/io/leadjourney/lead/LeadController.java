package io.leadjourney.lead;

import io.leadjourney.support.ConcurrencyRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "Capture, find, read and erase leads")
/** Reading and erasing leads; capturing one is {@code intake}'s ({@code LeadIntakeController}). */
class LeadController {

    private final LeadQueryService queries;
    private final LeadErasureService erasure;
    private final ConcurrencyRetry retry;

    LeadController(LeadQueryService queries, LeadErasureService erasure, ConcurrencyRetry retry) {
        this.queries = queries;
        this.erasure = erasure;
        this.retry = retry;
    }

    @Operation(summary = "Read a lead", description = "Groups: integration, marketing, managers, admins.")
    @GetMapping("/{id}")
    LeadView find(@PathVariable long id) {
        return queries.find(id);
    }

    /** Erases the lead's personal data everywhere (admins and marketing); 204, also when done before. */
    @Operation(summary = "Erase a lead's personal data", description = "Groups: marketing, admins. Everywhere"
            + " it is kept; the lead's counts stay for the funnel. 204, also when done before.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> erase(@PathVariable long id, Principal principal) {
        retry.call(() -> {
            erasure.erase(id, principal.getName());
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
