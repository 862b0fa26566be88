package io.leadjourney.portal;

import io.leadjourney.routing.NewAbsence;
import io.leadjourney.routing.RepService;
import io.leadjourney.routing.RepView;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.support.InvalidFieldException;
import io.leadjourney.support.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * Managers' page of the reps ({@code /portal/reps}): each rep's bands, capacity, open leads and absences, a form to
 * put a rep on leave, and what routing does with it now: who gets the next lead of each band, and who is skipped
 * and why.
 */
@Controller
class RepPagesController {

    private final RepService reps;
    private final RoutingService routing;

    RepPagesController(RepService reps, RoutingService routing) {
        this.reps = reps;
        this.routing = routing;
    }

    @GetMapping("/portal/reps")
    String reps(Model model) {
        List<RepView> all = reps.list();
        TreeSet<String> bands = new TreeSet<>();
        all.stream().filter(RepView::active).forEach(rep -> rep.groups().stream()
                .filter(group -> group.startsWith("reps-")).forEach(bands::add));
        model.addAttribute("reps", all);
        model.addAttribute("nextInLine", bands.stream().map(routing::nextInLine).toList());
        return "portal/reps";
    }

    /** Records an absence and shows the page again, with who takes the next leads now. */
    @PostMapping("/portal/reps/{id}/absences")
    String putOnLeave(@PathVariable String id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
                      @RequestParam(required = false) String reason, Authentication user,
                      RedirectAttributes redirect) {
        try {
            if (firstDay == null || lastDay == null) {
                throw new InvalidFieldException(firstDay == null ? "firstDay" : "lastDay", "is required");
            }
            if (reason != null && reason.length() > 200) {
                throw new InvalidFieldException("reason", "is at most 200 characters");
            }
            reps.addAbsence(id, new NewAbsence(firstDay, lastDay, reason == null || reason.isBlank() ? null : reason),
                    user.getName());
            redirect.addFlashAttribute("done", id + " is away from " + firstDay + " to " + lastDay + ".");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("problem", id + ": " + e.getField() + " " + e.getMessage());
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/portal/reps";
    }
}
