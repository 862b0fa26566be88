package io.leadjourney.lead;

import io.leadjourney.system.ConcurrencyRetry;
import jakarta.validation.Valid;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.Principal;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final LeadIntakeService intake;
    private final LeadQueryService queries;
    private final LeadErasureService erasure;
    private final ConcurrencyRetry retry;

    LeadController(LeadIntakeService intake, LeadQueryService queries, LeadErasureService erasure,
                   ConcurrencyRetry retry) {
        this.intake = intake;
        this.queries = queries;
        this.erasure = erasure;
        this.retry = retry;
    }

    /** 201 with Location for a new lead; 200 when the e-mail already belongs to a lead (no second journey). */
    @PostMapping
    ResponseEntity<LeadView> capture(@Valid @RequestBody NewLead input, Principal principal) {
        LeadIntakeService.Intake result = captureRetryingRaces(input, principal.getName());
        LeadView view = queries.find(result.lead().getId());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}").buildAndExpand(view.id()).toUri()).body(view);
    }

    /**
     * The same e-mail posted twice at once: one request creates the lead, the other hits the unique e-mail (or
     * waits on its lock) and, tried again, joins the lead the first one created.
     */
    private LeadIntakeService.Intake captureRetryingRaces(NewLead input, String by) {
        return retry.call(() -> {
            try {
                return intake.capture(input, by);
            } catch (DataIntegrityViolationException raced) {
                throw new ConcurrencyFailureException("Lead " + input.email() + " was created concurrently", raced);
            }
        });
    }

    @GetMapping("/{id}")
    LeadView find(@PathVariable long id) {
        return queries.find(id);
    }

    /** Erases the lead's personal data everywhere (admins and marketing); 204, also when done before. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> erase(@PathVariable long id, Principal principal) {
        retry.call(() -> {
            erasure.erase(id, principal.getName());
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
