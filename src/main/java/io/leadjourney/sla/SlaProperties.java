package io.leadjourney.sla;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the sales SLA. Each journey copies them into process variables when it starts, so a
 * lead keeps the contract it started under; process owners may also replace the timer expressions in
 * Modeler with literal durations. Durations count working time ({@link CalendarProperties}): {@code P1D} is one
 * business day, {@code PT4H} four working hours.
 *
 * @param acceptRemindAfter       ISO-8601 duration until the rep is reminded to accept (default P1D)
 * @param acceptEscalateAfter     ISO-8601 duration until the acceptance SLA is breached and the lead rerouted (P2D)
 * @param firstContactRemindAfter duration after acceptance until the rep is reminded to make first contact (P1D)
 * @param firstContactBreachAfter duration after acceptance until the first-contact SLA is breached (P2D)
 * @param cadenceWindow           how long the contact cadence runs before an unreached lead goes back to nurture
 *                                (P10D: two working weeks)
 * @param cadenceMaxCalls         calls in the cadence contract (3)
 * @param cadenceMaxEmails        e-mails in the cadence contract (3)
 * @param managerGroup            the group told about breaches, and who reassigns by hand (managers)
 */
@Validated
@ConfigurationProperties("leadjourney.sla")
public record SlaProperties(
        @NotBlank @Pattern(regexp = ISO_DURATION) String acceptRemindAfter,
        @NotBlank @Pattern(regexp = ISO_DURATION) String acceptEscalateAfter,
        @NotBlank @Pattern(regexp = ISO_DURATION) String firstContactRemindAfter,
        @NotBlank @Pattern(regexp = ISO_DURATION) String firstContactBreachAfter,
        @NotBlank @Pattern(regexp = ISO_DURATION) String cadenceWindow,
        @Min(0) int cadenceMaxCalls,
        @Min(0) int cadenceMaxEmails,
        @NotBlank String managerGroup) {

    /** An ISO-8601 duration such as PT24H, P2D or P1DT12H. */
    public static final String ISO_DURATION = "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$";
}
