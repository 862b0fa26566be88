package io.leadjourney.routing;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Reps, their groups, capacity and absences: for managers and admins. */
@RestController
@RequestMapping("/api/reps")
@Tag(name = "Reps", description = "Reps, their bands, capacity and absences")
class RepController {

    private final RepService reps;

    RepController(RepService reps) {
        this.reps = reps;
    }

    @Operation(summary = "List the reps", description = "Groups: managers, admins. Each rep with bands, capacity,"
            + " open leads and absences.")
    @GetMapping
    List<RepView> list() {
        return reps.list();
    }

    @Operation(summary = "Read a rep", description = "Groups: managers, admins.")
    @GetMapping("/{id}")
    RepView find(@PathVariable String id) {
        return reps.find(id);
    }

    /** Creates or updates the rep; idempotent. */
    @Operation(summary = "Create or change a rep", description = "Groups: managers, admins. Bands must be sales"
            + " bands (reps-...); a manager cannot give rights beyond a rep's. Idempotent.")
    @PutMapping("/{id}")
    RepView save(@PathVariable String id, @Valid @RequestBody RepForm form, Principal principal) {
        return reps.save(id, form, principal.getName());
    }

    @Operation(summary = "Put a rep on leave", description = "Groups: managers, admins. While absent, the rep"
            + " gets no new leads; routing skips them. 201 with the absence.")
    @PostMapping("/{id}/absences")
    ResponseEntity<RepView.Absence> addAbsence(@PathVariable String id, @Valid @RequestBody NewAbsence absence,
                                               Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reps.addAbsence(id, absence, principal.getName()));
    }

    @Operation(summary = "End or cancel an absence", description = "Groups: managers, admins. 204.")
    @DeleteMapping("/{id}/absences/{absenceId}")
    ResponseEntity<Void> removeAbsence(@PathVariable String id, @PathVariable long absenceId) {
        reps.removeAbsence(id, absenceId);
        return ResponseEntity.noContent().build();
    }
}
