package io.leadjourney.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A lead as a marketing system posts it to {@code POST /api/leads}. Only the e-mail is required. */
public record NewLead(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 200) String company,
        @PositiveOrZero @Max(10_000_000) Integer employees,
        @Size(max = 100) String industry,
        @Size(max = 100) String role,
        @Size(max = 100) String country,
        @Size(max = 100) String source,
        Boolean wantsContact) {
}
