package io.leadjourney.intake;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A batch of engagement events, for many leads, as marketing systems post them. */
public record EventBatch(@NotNull @Size(min = 1, max = EventBatch.MAX_EVENTS) List<BatchEvent> events) {

    public static final int MAX_EVENTS = 10_000;
}
