package io.leadjourney.decision;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code engagement-points}: the default behavioural points of the domain. */
class EngagementPointsTableTest {

    @ParameterizedTest
    @CsvSource({"FORM_SUBMITTED,15", "EMAIL_OPENED,2", "EMAIL_CLICKED,5", "EMAIL_REPLIED,10", "EMAIL_FORWARDED,5",
            "PRICING_PAGE_VISITED,15", "BLOG_POST_READ,2", "CONTENT_DOWNLOADED,10", "WEBINAR_REGISTERED,5",
            "WEBINAR_ATTENDED,20", "TRIAL_STARTED,25", "UNSUBSCRIBED,-5"})
    void eachBehaviourScoresItsDefaultPoints(String type, int points) {
        DmnDecisionTableResult result = evaluate(DecisionKeys.ENGAGEMENT_POINTS, vars("eventType", type));
        assertThat(result.getResultList()).hasSize(1);
        assertThat(((Number) result.getSingleResult().getEntry("points")).intValue()).isEqualTo(points);
        assertThat((String) result.getSingleResult().getEntry("reason")).isNotBlank();
        assertThat((String) result.getSingleResult().getEntry("scoreGroup")).isNotBlank();
    }

    @Test
    void unknownBehaviourScoresNothing() {
        assertThat(evaluate(DecisionKeys.ENGAGEMENT_POINTS, vars("eventType", "PAGE_PRINTED")).getResultList()).isEmpty();
    }
}
