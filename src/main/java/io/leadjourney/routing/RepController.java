package io.leadjourney.routing;

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
class RepController {

    private final RepService reps;

    RepController(RepService reps) {
        this.reps = reps;
    }

    @GetMapping
    List<RepView> list() {
        return reps.list();
    }

    @GetMapping("/{id}")
    RepView find(@PathVariable String id) {
        return reps.find(id);
    }

    /** Creates or updates the rep; idempotent. */
    @PutMapping("/{id}")
    RepView save(@PathVariable String id, @Valid @RequestBody RepForm form, Principal principal) {
        return reps.save(id, form, principal.getName());
    }

    @PostMapping("/{id}/absences")
    ResponseEntity<RepView.Absence> addAbsence(@PathVariable String id, @Valid @RequestBody NewAbsence absence,
                                               Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reps.addAbsence(id, absence, principal.getName()));
    }

    @DeleteMapping("/{id}/absences/{absenceId}")
    ResponseEntity<Void> removeAbsence(@PathVariable String id, @PathVariable long absenceId) {
        reps.removeAbsence(id, absenceId);
        return ResponseEntity.noContent().build();
    }
}
