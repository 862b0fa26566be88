package io.leadjourney.portal;

import io.leadjourney.lead.LeadStage;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code GET /api/leads} filters by; every filter is optional and they combine with AND. Dates are whole days
 * in UTC, {@code createdTo} and {@code updatedTo} included.
 */
public record LeadSearchCriteria(
        @Parameter(description = "words in the name, e-mail or company (case does not matter)")
        @Size(max = 100) String q,
        @Parameter(description = "stages, e.g. MQL,SAL") List<LeadStage> stage,
        @Parameter(description = "the assigned rep's user id") @Size(max = 64) String rep,
        @Parameter(description = "the routing group (band), e.g. reps-mid") @Size(max = 64) String group,
        @Parameter(description = "the source, e.g. webinar") @Size(max = 100) String source,
        @Parameter(description = "lowest total score") @Min(0) @Max(10_000) Integer scoreMin,
        @Parameter(description = "highest total score") @Min(0) @Max(10_000) Integer scoreMax,
        @Parameter(description = "grades or grade letters, e.g. A,B1")
        List<@Pattern(regexp = "[A-Da-d][1-4]?", message = "must be a grade such as A1 or a letter A to D") String> grade,
        @Parameter(description = "created on or after, e.g. 2026-10-01")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
        @Parameter(description = "created on or before")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
        @Parameter(description = "changed on or after") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedFrom,
        @Parameter(description = "changed on or before") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedTo,
        @Parameter(description = "DUE_SOON: its open task is due within 24 h; BREACHED: an SLA breach on record while"
                + " still with sales") SlaState sla,
        @Parameter(description = "score, created, updated, name or company; a leading - sorts descending"
                + " (default -updated)")
        @Pattern(regexp = "-?(score|created|updated|name|company)",
                message = "must be score, created, updated, name or company, with - for descending") String sort,
        @Parameter(description = "page number, from 0") @Min(0) @Max(100_000) Integer page,
        @Parameter(description = "leads a page, 1 to 200 (default 50)") @Min(1) @Max(200) Integer size) {

    static final int DEFAULT_SIZE = 50;

    /** No filter at all: every lead the reader may see, newest change first. */
    static LeadSearchCriteria none() {
        return new LeadSearchCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
