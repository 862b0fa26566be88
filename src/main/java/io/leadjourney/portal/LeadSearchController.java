package io.leadjourney.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/leads}: find leads; each caller finds what their groups allow ({@link Audience}). */
@RestController
@Tag(name = "Leads", description = "Capture, find, read and erase leads")
class LeadSearchController {

    private final LeadSearch search;
    private final Audience audience;

    LeadSearchController(LeadSearch search, Audience audience) {
        this.search = search;
        this.audience = audience;
    }

    @Operation(summary = "Find leads", description = "Groups: marketing, managers, admins and integrations find"
            + " every lead; a sales rep finds their own leads and the unassigned leads of their bands. Filters"
            + " combine; a page holds up to 200 leads, newest change first unless sort says otherwise.")
    @GetMapping("/api/leads")
    LeadPage search(@Valid @ParameterObject LeadSearchCriteria criteria, Authentication user) {
        return search.search(criteria, audience.scopeOf(user));
    }
}
