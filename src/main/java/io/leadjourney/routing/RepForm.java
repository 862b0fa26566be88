package io.leadjourney.routing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * A rep as a manager sets them up with {@code PUT /api/reps/{id}}.
 *
 * @param groups       the routing groups (bands, territories) the rep takes leads from, e.g. {@code reps-mid}
 * @param maxOpenLeads leads awaiting acceptance or in the contact cadence the rep can work at once; none: no limit
 * @param active       false takes the rep out of routing (and out of the sales reps' group); default true
 * @param password     only to create the rep's login, when the user does not exist yet
 */
public record RepForm(
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 64) @Pattern(regexp = GROUP,
                message = "must be a group id of lower-case letters, digits and hyphens") String> groups,
        @PositiveOrZero @Max(10_000) Integer maxOpenLeads,
        Boolean active,
        @Size(min = 8, max = 100) String password) {

    static final String GROUP = "[a-z0-9][a-z0-9-]*";
}
