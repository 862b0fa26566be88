package io.leadjourney.portal;

import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.support.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The lead portal's pages, rendered on the server: find leads ({@code /portal/leads}, a plain GET form over the same
 * search as {@code GET /api/leads}) and a lead's story ({@code /portal/leads/{id}}). Each reader sees what their
 * groups allow ({@link Audience}); each user keeps their own searches ({@link SavedSearches}).
 */
@Controller
class PortalController {

    private final LeadSearch search;
    private final LeadStories stories;
    private final Rejections rejections;
    private final Audience audience;
    private final SavedSearches saved;
    private final PortalTime time;

    PortalController(LeadSearch search, LeadStories stories, Rejections rejections, Audience audience,
                     SavedSearches saved, PortalTime time) {
        this.saved = saved;
        this.search = search;
        this.stories = stories;
        this.rejections = rejections;
        this.audience = audience;
        this.time = time;
    }

    @GetMapping("/portal")
    String home() {
        return "redirect:/portal/leads";
    }

    /** The portal's own login page, for whoever is not logged in to a Camunda webapp (marketing has none). */
    @GetMapping("/portal/login")
    String login() {
        return "portal/login";
    }

    @GetMapping("/portal/leads")
    String leads(@Valid @ModelAttribute("criteria") LeadSearchCriteria criteria, BindingResult errors,
                 Authentication user, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("stages", LeadStage.values());
        model.addAttribute("slaStates", SlaState.values());
        // What the form shows again; not "criteria", which Spring sets to null when the binding failed.
        model.addAttribute("form", criteria != null ? criteria : LeadSearchCriteria.none());
        if (errors.hasErrors()) {
            return refused(errors.getFieldErrors().stream().map(error -> error.getField() + ": "
                    + (error.isBindingFailure() ? "'" + error.getRejectedValue() + "' is not a valid value"
                    : error.getDefaultMessage())).toList(), model, response);
        }
        LeadPage result;
        try {
            result = search.search(criteria, audience.scopeOf(user));
        } catch (InvalidFieldException e) {
            return refused(List.of(e.getField() + ": " + e.getMessage()), model, response);
        }
        model.addAttribute("result", result);
        model.addAttribute("savedSearches", saved.of(user.getName()));
        model.addAttribute("currentQuery", request.getQueryString() == null ? "" : request.getQueryString());
        if (result.page() > 0) {
            model.addAttribute("previous", pageLink(result.page() - 1));
        }
        if ((long) (result.page() + 1) * result.size() < result.total()) {
            model.addAttribute("next", pageLink(result.page() + 1));
        }
        return "portal/leads";
    }

    /** Keeps the search the page shows under a name, for this user, and shows it again. */
    @PostMapping("/portal/saved-searches")
    String saveSearch(@RequestParam(required = false) String name, @RequestParam(required = false) String query,
                      Authentication user, RedirectAttributes redirect) {
        try {
            saved.save(user.getName(), name, query);
            redirect.addFlashAttribute("done", "Saved the search as \u201c" + name.trim() + "\u201d.");
            return "redirect:/portal/leads" + (query == null || query.isBlank() ? "" : "?" + query);
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("problem", e.getField() + ": " + e.getMessage());
            return "redirect:/portal/leads";
        }
    }

    @PostMapping("/portal/saved-searches/{id}/delete")
    String deleteSearch(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            saved.delete(user.getName(), id);
            redirect.addFlashAttribute("done", "Deleted the saved search.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("problem", e.getField() + ": " + e.getMessage());
        }
        return "redirect:/portal/leads";
    }

    /**
     * A rep's open leads (waiting for their acceptance or in their cadence), the most urgent first: breached, then by
     * the deadline of the task each waits at. Up to 200, which is more than a rep's capacity.
     */
    @GetMapping("/portal/my-leads")
    String myLeads(Authentication user, Model model) {
        LeadSearchCriteria mine = new LeadSearchCriteria(null, List.of(LeadStage.MQL, LeadStage.SAL),
                user.getName(), null, null, null, null, null, null, null, null, null, null, null, 0, 200);
        List<LeadSummary> leads = search.search(mine, audience.scopeOf(user)).leads().stream()
                .sorted(Comparator.comparing((LeadSummary lead) -> !lead.breached())
                        .thenComparing(LeadSummary::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        model.addAttribute("leads", leads);
        return "portal/my-leads";
    }

    /** Marketing's feedback loop: the leads sales sent back, with their reasons; the last 30 days unless asked. */
    @GetMapping("/portal/rejections")
    String rejections(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      Model model, HttpServletResponse response) {
        PortalTime.Period period = time.periodOr30Days(from, to);
        LocalDate start = period.start();
        LocalDate end = period.end();
        if (!end.isAfter(start) || start.plusYears(1).isBefore(end)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", List.of("to: must be after from, and the period at most a year"));
            model.addAttribute("report", new Rejections.Report(start, end, 0, java.util.Map.of(), List.of()));
            return "portal/rejections";
        }
        model.addAttribute("report", rejections.between(start, end));
        return "portal/rejections";
    }

    /** The search page again, empty, with what was wrong in the search and a 400. */
    private static String refused(List<String> problems, Model model, HttpServletResponse response) {
        model.addAttribute("problems", problems);
        model.addAttribute("result", new LeadPage(List.of(), 0, LeadSearchCriteria.DEFAULT_SIZE, 0));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "portal/leads";
    }

    /** This page of the search again, with another page number. */
    private static String pageLink(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build()
                .toUriString();
    }

    @GetMapping("/portal/leads/{id}")
    String lead(@PathVariable long id, Authentication user, Model model, HttpServletResponse response) {
        Optional<LeadStory> story;
        try {
            story = stories.story(id, audience.scopeOf(user));
        } catch (LeadNotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "There is no lead " + id + ".");
            return "portal/unavailable";
        }
        if (story.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("message", "Lead " + id + " belongs to another rep.");
            return "portal/unavailable";
        }
        model.addAttribute("story", story.get());
        return "portal/lead";
    }
}
