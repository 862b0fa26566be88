package io.leadjourney.portal;

import io.leadjourney.routing.NewAbsence;
import io.leadjourney.routing.RepForm;
import io.leadjourney.routing.RepService;
import io.leadjourney.routing.RepView;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.support.ForbiddenException;
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

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Managers' pages of the team ({@code /portal/team}) and of the reps ({@code /portal/reps}): each rep's bands, capacity, open leads and absences, a form to
 * put a rep on leave, and what routing does with it now: who gets the next lead of each band, and who is skipped
 * and why.
 */
@Controller
class RepPagesController {

    private final RepService reps;
    private final RoutingService routing;
    private final Team team;
    private final PortalTime time;

    private final Validator validator;

    RepPagesController(RepService reps, RoutingService routing, Team team, PortalTime time, Validator validator) {
        this.validator = validator;
        this.reps = reps;
        this.routing = routing;
        this.team = team;
        this.time = time;
    }

    /**
     * The team ({@code /portal/team}): per rep, the leads they hold now and how they worked the period's leads; the
     * last 30 days unless asked.
     */
    @GetMapping("/portal/team")
    String team(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model, HttpServletResponse response) {
        PortalTime.Period period = time.periodOr30Days(from, to);
        try {
            model.addAttribute("report", team.of(period.start(), period.end()));
        } catch (InvalidFieldException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", List.of(e.getField() + ": " + e.getMessage()));
            model.addAttribute("report", new Team.Report(period.start(), period.end(), List.of()));
        }
        return "portal/team";
    }

    @GetMapping("/portal/reps")
    String reps(Model model) {
        List<RepView> all = reps.list();
        TreeSet<String> bands = new TreeSet<>();
        all.stream().filter(RepView::active).forEach(rep -> rep.groups().stream()
                .filter(group -> group.startsWith("reps-")).forEach(bands::add));
        TreeSet<String> groups = new TreeSet<>();
        all.forEach(rep -> groups.addAll(rep.groups()));
        model.addAttribute("reps", all);
        model.addAttribute("groups", groups);
        model.addAttribute("nextInLine", bands.stream().map(routing::nextInLine).toList());
        return "portal/reps";
    }

    /**
     * Sets a rep's bands, capacity and whether they take leads, and shows the page again, with who takes the next
     * lead of each band now.
     */
    @PostMapping("/portal/reps/{id}")
    String saveRep(@PathVariable String id, @RequestParam(required = false) List<String> groups,
                   @RequestParam(required = false) String maxOpenLeads,
                   @RequestParam(required = false) String active, Authentication user,
                   RedirectAttributes redirect) {
        try {
            RepView current = reps.find(id);
            Integer capacity = capacity(maxOpenLeads);
            RepForm form = new RepForm(current.displayName(), current.email(),
                    groups == null ? Set.of() : new TreeSet<>(groups), capacity, active != null, null);
            Optional<ConstraintViolation<RepForm>> wrong = validator.validate(form).stream()
                    .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()));
            if (wrong.isPresent()) {
                String field = wrong.get().getPropertyPath().toString().replaceAll("\\[.*", "");
                throw new InvalidFieldException(field, wrong.get().getMessage());
            }
            RepView saved = reps.save(id, form, user.getName());
            redirect.addFlashAttribute("done", id + " now takes leads of " + String.join(", ", saved.groups())
                    + (saved.maxOpenLeads() == null ? ", with no limit" : ", up to " + saved.maxOpenLeads()
                    + " open") + (saved.active() ? "." : ", and is inactive: routing passes them by."));
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("problem", id + ": " + e.getField() + " " + e.getMessage());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("problem", id + ": " + e.getField() + ": " + e.getMessage());
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/portal/reps";
    }

    private static Integer capacity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("maxOpenLeads", "must be a whole number, or empty for no limit");
        }
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
