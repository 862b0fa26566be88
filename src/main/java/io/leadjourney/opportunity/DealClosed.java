package io.leadjourney.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Published in the transaction that records a deal's outcome (not for a replayed report). */
public record DealClosed(long leadId, long opportunityId, DealOutcome outcome, BigDecimal value, String currency,
                         LocalDate closedOn, LostReason lostReason) {
}
