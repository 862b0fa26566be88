package io.leadjourney.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A lead as a marketing system posts it to {@code POST /api/leads}. Only the e-mail is required.
 *
 * @param annualRevenue the company's yearly revenue in whole currency units; sizes the company when the head
 *                      count is unknown
 * @param businessModel such as {@code B2B}, {@code B2C}, {@code B2B2C}
 */
public record NewLead(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 200) String company,
        @PositiveOrZero @Max(10_000_000) Integer employees,
        @PositiveOrZero @Max(10_000_000_000_000L) Long annualRevenue,
        @Size(max = 100) String industry,
        @Size(max = 40) String businessModel,
        @Size(max = 100) String role,
        @Size(max = 100) String country,
        @Size(max = 100) String source,
        Boolean wantsContact) {

    /** The same lead with blank texts as null and the others trimmed. */
    NewLead cleaned() {
        return new NewLead(email, clean(firstName), clean(lastName), clean(company), employees, annualRevenue,
                clean(industry), clean(businessModel), clean(role), clean(country), clean(source), wantsContact);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
