package io.leadjourney.review;

import io.leadjourney.engine.SystemAuthentication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** {@code definition-review.bpmn}: its ids and variables, and how a review submitted over the API starts it. */
@Component
class DefinitionReviewProcess {

    static final String PROCESS_ID = "definition-review";
    static final String MESSAGE_CANDIDATE_SUBMITTED = "definition.candidate-submitted";
    static final String QUARTERLY_TIMER = "StartEvent_QuarterBegins";
    static final String TASK_MARKETING_SIGNS = "UserTask_MarketingSigns";
    static final String TASK_SALES_SIGNS = "UserTask_SalesSigns";
    static final String VAR_REVIEW_ID = "reviewId";
    static final String VAR_CANDIDATE = "candidate";
    static final String VAR_FORECAST = "forecast";
    static final String VAR_MARKETING_DECISION = "marketingDecision";
    static final String VAR_MARKETING_SIGNER = "marketingSigner";
    static final String VAR_SALES_DECISION = "salesDecision";
    static final String VAR_SALES_SIGNER = "salesSigner";
    static final String VAR_OUTCOME = "outcome";

    private final DefinitionReviewService reviews;
    private final RuntimeService runtime;
    private final SystemAuthentication system;

    DefinitionReviewProcess(DefinitionReviewService reviews, RuntimeService runtime, SystemAuthentication system) {
        this.reviews = reviews;
        this.runtime = runtime;
        this.system = system;
    }

    /** Opens the review and starts its process in one transaction: both sides get their task. */
    @Transactional
    public long start(String candidateName, byte[] candidate, LocalDate from, LocalDate to, String by) {
        long id = reviews.open(candidateName, candidate, from, to, by);
        DefinitionReviewService.ReviewView review = reviews.find(id);
        system.call(() -> runtime.startProcessInstanceByMessage(MESSAGE_CANDIDATE_SUBMITTED, String.valueOf(id),
                Variables.createVariables().putValue(VAR_REVIEW_ID, id)
                        .putValue(VAR_CANDIDATE, review.candidate())
                        .putValue(VAR_FORECAST, review.forecast())));
        return id;
    }
}
