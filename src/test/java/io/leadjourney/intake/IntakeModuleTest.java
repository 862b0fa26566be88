package io.leadjourney.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.ModuleTest;
import io.leadjourney.lead.Journeys;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.NewLead;
import io.leadjourney.support.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What comes in, as a module: a lead captured once with one journey, captured again without a second, its events
 * scored by the shipped tables, an unknown behaviour refused by name, all on the database. The journeys are the
 * process's ({@code journey}); here a port that records which leads it was asked to start.
 */
@ModuleTest
class IntakeModuleTest {

    /** The journeys the module started, in order. */
    static final List<Long> STARTED = new ArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordedJourneys {
        @Bean
        Journeys journeys() {
            return new Journeys() {
                public String startJourney(Lead lead) {
                    STARTED.add(lead.getId());
                    return "journey-" + lead.getId();
                }

                public void startJourneys(List<Lead> leads) {
                    leads.forEach(this::startJourney);
                }

                public boolean isOnJourney(long leadId) {
                    return STARTED.contains(leadId);
                }

                public boolean reengage(long leadId) {
                    return false;
                }

                public void restartInactivityClock(long leadId) {
                }
            };
        }
    }

    @Autowired
    private LeadIntakeService intake;
    @Autowired
    private EngagementService engagement;

    private static NewLead form(String email) throws Exception {
        return new ObjectMapper().readValue(("{\"email\": \"" + email + "\", \"firstName\": \"Ada\", \"company\":"
                + " \"Engines Ltd\", \"employees\": 120, \"role\": \"CTO\", \"country\": \"United Kingdom\"}"),
                NewLead.class);
    }

    @Test
    void aLeadCapturedTwiceHasOneJourneyAndItsEventsAreScored() throws Exception {
        String email = UUID.randomUUID() + "@module.example";

        LeadIntakeService.Intake first = intake.capture(form(email), "integration");
        LeadIntakeService.Intake again = intake.capture(form(email.toUpperCase()), "integration");

        long id = first.lead().getId();
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.lead().getId()).isEqualTo(id);
        assertThat(STARTED).as("one journey").containsOnlyOnce(id);

        EngagementResult pricing = engagement.record(id, new NewEngagementEvent("PRICING_PAGE_VISITED",
                Instant.now(), "/pricing", null, null, null));
        assertThat(pricing.engagementScore()).isPositive();
        assertThat(pricing.stage()).isEqualTo(LeadStage.LEAD);
    }

    @Test
    void aBehaviourTheTableDoesNotNameIsRefusedWithTheKnownOnes() throws Exception {
        long id = intake.capture(form(UUID.randomUUID() + "@module.example"), "integration").lead().getId();

        assertThatThrownBy(() -> engagement.record(id, new NewEngagementEvent("PAGE_PRINTED", Instant.now(), null,
                null, null, null))).isInstanceOf(InvalidFieldException.class).hasMessageContaining("WEBINAR_ATTENDED");
    }
}
