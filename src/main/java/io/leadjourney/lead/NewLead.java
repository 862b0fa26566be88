package io.leadjourney.lead;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A lead as a marketing system posts it to {@code POST /api/leads}. Only the e-mail is required.
 *
 * @param annualRevenue the company's yearly revenue in whole currency units; sizes the company when the head
 *                      count is unknown
 * @param businessModel such as {@code B2B}, {@code B2C}, {@code B2B2C}
 * @param role          the role the fit table scores (CFO, CTO, ...); {@code jobTitle} is the title as the lead gave it
 * @param phone         where a rep calls: digits, spaces, {@code + ( ) . / -}
 * @param purchaseTiming when the lead expects to buy: {@value #PURCHASE_TIMINGS}
 * @param problem       the problem the lead said they want solved, in their words
 * @param users         how many people would use the product
 * @param customFields  values of the fields the process owner declares in {@code lead-fields.dmn}, by name, such as
 *                      {@code {"crmSystem": "HubSpot"}}; a null value removes the field
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
        Boolean wantsContact,
        @Pattern(regexp = "^\\s*$|^\\s*\\+?[0-9 ()./-]{5,40}\\s*$",
                message = "must be a phone number: digits, spaces and + ( ) . / -") String phone,
        @Size(max = 200) @Pattern(regexp = "^\\s*$|^(?i)\\s*(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?\\s*$",
                message = "must be a web address such as example.com or https://example.com/about") String website,
        @Size(max = 100) String jobTitle,
        @Pattern(regexp = "^\\s*$|^\\s*(WITHIN_3_MONTHS|WITHIN_12_MONTHS|LATER|UNKNOWN)\\s*$",
                message = "must be one of " + PURCHASE_TIMINGS) String purchaseTiming,
        @Size(max = 1000) String problem,
        @PositiveOrZero @Max(10_000_000) Integer users,
        @Schema(description = "Values of the fields declared in lead-fields.dmn, by name",
                example = "{\"crmSystem\": \"HubSpot\"}") Map<String, Object> customFields) {

    public static final String PURCHASE_TIMINGS = "WITHIN_3_MONTHS, WITHIN_12_MONTHS, LATER, UNKNOWN";

    /** A lead with the profile marketing systems have always sent, and nothing of the newer fields. */
    public NewLead(String email, String firstName, String lastName, String company, Integer employees,
                   Long annualRevenue, String industry, String businessModel, String role, String country,
                   String source, Boolean wantsContact) {
        this(email, firstName, lastName, company, employees, annualRevenue, industry, businessModel, role, country,
                source, wantsContact, null, null, null, null, null, null);
    }

    /** A lead with the fields every lead has, and no declared ones. */
    public NewLead(String email, String firstName, String lastName, String company, Integer employees,
                   Long annualRevenue, String industry, String businessModel, String role, String country,
                   String source, Boolean wantsContact, String phone, String website, String jobTitle,
                   String purchaseTiming, String problem, Integer users) {
        this(email, firstName, lastName, company, employees, annualRevenue, industry, businessModel, role, country,
                source, wantsContact, phone, website, jobTitle, purchaseTiming, problem, users, null);
    }

    /** The same lead with blank texts as null and the others trimmed. */
    public NewLead cleaned() {
        return new NewLead(email, clean(firstName), clean(lastName), clean(company), employees, annualRevenue,
                clean(industry), clean(businessModel), clean(role), clean(country), clean(source), wantsContact,
                clean(phone), clean(website), clean(jobTitle), clean(purchaseTiming), clean(problem), users,
                customFields);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
