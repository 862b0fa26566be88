package io.leadjourney.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * One behaviour of a lead, as posted to {@code POST /api/leads/{id}/events}.
 *
 * @param type a behaviour the {@code engagement-points} table names, such as {@code WEBINAR_ATTENDED}
 *             ({@link Behaviours})
 * @param page          the page it happened on (optional, as are the other details)
 * @param asset         the asset, such as a white paper's name
 * @param campaign      the campaign it came from
 * @param secondsOnPage how long the lead stayed on the page; the points table may score each detail ({@link Behaviour})
 */
public record NewEngagementEvent(
        @Schema(description = "A behaviour the deployed engagement-points table names", example = "WEBINAR_ATTENDED")
        String type,
        @NotNull Instant occurredAt,
        @Schema(description = "The page it happened on", example = "/pricing") @Size(max = 500) String page,
        @Schema(description = "The asset, such as a white paper's name", example = "competitive-analysis")
        @Size(max = 500) String asset,
        @Schema(description = "The campaign it came from", example = "q4-webinar-series") @Size(max = 200)
        String campaign,
        @Schema(description = "Seconds the lead stayed on the page", example = "95") @Min(0) @Max(86_400)
        Integer secondsOnPage) {

    /** A behaviour without details. */
    public NewEngagementEvent(String type, Instant occurredAt) {
        this(type, occurredAt, null, null, null, null);
    }
}
