package io.leadjourney.journey;

import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.scoring.ScoringService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Score lead": fit + engagement through the DMN tables, and whether that makes an MQL. */
@Component
class ScoreLeadDelegate implements JavaDelegate {

    private final ScoringService scoring;

    ScoreLeadDelegate(ScoringService scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = JourneyVariables.leadId(execution);
        ScoreCard card = scoring.qualify(leadId, LeadJourney.SYSTEM_ACTOR);
        execution.setVariable(LeadJourney.VAR_FIT_SCORE, card.fitScore());
        execution.setVariable(LeadJourney.VAR_ENGAGEMENT_SCORE, card.engagementScore());
        execution.setVariable(LeadJourney.VAR_SCORE, card.totalScore());
        execution.setVariable(LeadJourney.VAR_GRADE, card.grade());
        execution.setVariable(LeadJourney.VAR_IS_MQL, card.qualified());
        execution.setVariable(LeadJourney.VAR_SCORE_RECEIPT, card.receipt());
    }
}
