package io.leadjourney.lead;

import jakarta.validation.Valid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
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

    LeadController(LeadIntakeService intake, LeadQueryService queries) {
        this.intake = intake;
        this.queries = queries;
    }

    /** 201 with Location for a new lead; 200 when the e-mail already belongs to a lead (no second journey). */
    @PostMapping
    ResponseEntity<LeadView> capture(@Valid @RequestBody NewLead input, Principal principal) {
        LeadIntakeService.Intake result;
        try {
            result = intake.capture(input, principal.getName());
        } catch (DataIntegrityViolationException raced) {
            // The same e-mail arrived twice at once and the other request won: join the lead it created.
            result = intake.capture(input, principal.getName());
        }
        LeadView view = queries.find(result.lead().getId());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}").buildAndExpand(view.id()).toUri()).body(view);
    }

    @GetMapping("/{id}")
    LeadView find(@PathVariable long id) {
        return queries.find(id);
    }
}
