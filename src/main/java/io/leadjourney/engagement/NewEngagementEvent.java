package io.leadjourney.engagement;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * One behaviour of a lead, as posted to {@code POST /api/leads/{id}/events}.
 *
 * @param type a behaviour the {@code engagement-points} table names, such as {@code WEBINAR_ATTENDED}
 *             ({@link Behaviours})
 */
public record NewEngagementEvent(
        @Schema(description = "A behaviour the deployed engagement-points table names", example = "WEBINAR_ATTENDED")
        String type,
        @NotNull Instant occurredAt) {
}
