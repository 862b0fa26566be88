package io.leadjourney.routing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** An out-of-office period, {@code POST /api/reps/{id}/absences}: whole days, both included. */
public record NewAbsence(@NotNull LocalDate firstDay, @NotNull LocalDate lastDay, @Size(max = 200) String reason) {
}
