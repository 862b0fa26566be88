package io.leadjourney.lead;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The opportunity a lead became at hand-off (SQL), as the lead's read model shows it.
 *
 * @param estimatedValue what {@code deal-value.dmn} estimated at hand-off
 * @param temperature    HOT, WARM or COLD, as {@code bant-temperature.dmn} rated the discovery call
 * @param outcome        WON or LOST once the CRM reported it, else null
 */
public record SalesOpportunity(long id, BigDecimal estimatedValue, String temperature, String outcome,
                               BigDecimal dealValue, String currency, LocalDate closedOn) {
}
