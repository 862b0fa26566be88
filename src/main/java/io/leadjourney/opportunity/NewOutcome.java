package io.leadjourney.opportunity;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal outcome as a CRM posts it to {@code POST /api/leads/{id}/outcome}.
 *
 * @param value      the deal's value: required for a won deal, optional for a lost one
 * @param currency   ISO 4217 code such as {@code EUR}; required with a value
 * @param closedOn   the day sales closed the deal; not in the future
 * @param lostReason required for a lost deal, refused for a won one
 */
public record NewOutcome(
        @NotNull DealOutcome outcome,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal value,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate closedOn,
        LostReason lostReason) {
}
