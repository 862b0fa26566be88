package io.leadjourney.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Open the quarterly review": the quarter's timer fired; both sides confirm the definition in use. */
@Component
class OpenQuarterlyReviewDelegate implements JavaDelegate {

    private final DefinitionReviewService reviews;

    OpenQuarterlyReviewDelegate(DefinitionReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = reviews.open(null, null, null, null, "system");
        execution.setProcessBusinessKey(String.valueOf(id));
        execution.setVariable(DefinitionReviewProcess.VAR_REVIEW_ID, id);
        execution.setVariable(DefinitionReviewProcess.VAR_CANDIDATE, null);
        execution.setVariable(DefinitionReviewProcess.VAR_FORECAST, reviews.find(id).forecast());
    }
}
