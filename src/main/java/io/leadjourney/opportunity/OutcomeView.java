package io.leadjourney.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded deal outcome.
 *
 * @param salesCycleDays days from the hand-off to sales to the close
 * @param replay         true when this request repeated an outcome already recorded (nothing changed)
 */
public record OutcomeView(long leadId, long opportunityId, DealOutcome outcome, BigDecimal value, String currency,
                          LocalDate closedOn, LostReason lostReason, long salesCycleDays, Instant recordedAt,
                          String recordedBy, boolean replay) {

    static OutcomeView of(Opportunity opportunity, long salesCycleDays, boolean replay) {
        return new OutcomeView(opportunity.getLeadId(), opportunity.getId(), opportunity.getOutcome(),
                opportunity.getDealValue(), opportunity.getCurrency(), opportunity.getClosedOn(),
                opportunity.getLostReason(), salesCycleDays, opportunity.getOutcomeRecordedAt(),
                opportunity.getOutcomeRecordedBy(), replay);
    }
}
