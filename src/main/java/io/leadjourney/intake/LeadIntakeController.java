package io.leadjourney.intake;

import io.leadjourney.lead.LeadQueryService;
import io.leadjourney.lead.LeadView;
import io.leadjourney.lead.NewLead;
import io.leadjourney.support.ConcurrencyRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.Principal;

/** {@code POST /api/leads}: a lead captured by a marketing system, with its journey. */
@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads")
class LeadIntakeController {

    private final LeadIntakeService intake;
    private final LeadQueryService queries;
    private final ConcurrencyRetry retry;

    LeadIntakeController(LeadIntakeService intake, LeadQueryService queries, ConcurrencyRetry retry) {
        this.intake = intake;
        this.queries = queries;
        this.retry = retry;
    }

    /** 201 with Location for a new lead; 200 when the e-mail already belongs to a lead (no second journey). */
    @Operation(summary = "Capture a lead", description = "Groups: integration, marketing, admins. 201 with"
            + " Location for a new lead, which starts its journey (scored, and routed if it is an MQL); 200 when"
            + " the e-mail already belongs to a lead: its profile is updated, no second journey starts.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "trade-show scan", value = """
                    {"email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace",
                     "company": "Analytical Engines Ltd", "employees": 120, "industry": "Software",
                     "role": "CTO", "country": "United Kingdom", "source": "trade show", "wantsContact": true,
                     "phone": "+44 20 7946 0958", "website": "analytical-engines.example",
                     "jobTitle": "Chief Technology Officer", "purchaseTiming": "WITHIN_3_MONTHS",
                     "problem": "Our difference tables are computed by hand", "users": 25}
                    """))))
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

}
