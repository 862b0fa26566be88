package io.leadjourney.engagement;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** One behaviour of a lead, as posted to {@code POST /api/leads/{id}/events}. */
public record NewEngagementEvent(@NotNull EngagementType type, @NotNull Instant occurredAt) {
}
