package io.leadjourney.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.leadjourney.review.DefinitionReviewProcess.*;

/** "Settle the review": both sides have decided; a signed candidate is deployed and the signatures recorded. */
@Component
class SettleDefinitionReviewDelegate implements JavaDelegate {

    private final DefinitionReviewService reviews;

    SettleDefinitionReviewDelegate(DefinitionReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_OUTCOME, reviews.settle(((Number) execution.getVariable(VAR_REVIEW_ID)).longValue(),
                (String) execution.getVariable(VAR_MARKETING_DECISION),
                (String) execution.getVariable(VAR_MARKETING_SIGNER),
                (String) execution.getVariable(VAR_SALES_DECISION),
                (String) execution.getVariable(VAR_SALES_SIGNER)));
    }
}
