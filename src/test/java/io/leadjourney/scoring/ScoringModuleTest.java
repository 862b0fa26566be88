package io.leadjourney.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.ModelDecisions;
import io.leadjourney.ModuleTest;
import io.leadjourney.engagement.EngagementEvent;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.NewLead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring as a module: its services, the modules it uses (lead, engagement, decision, support) and the database,
 * with the shipped DMN tables evaluated without the process engine, the web layer or the other features.
 */
@ModuleTest
class ScoringModuleTest {

    @Autowired
    private ScoringService scoring;
    @Autowired
    private LeadRepository leads;
    @Autowired
    private EngagementEventRepository events;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private ModelDecisions decisions;

    private long lead(String profileJson) throws Exception {
        NewLead form = new ObjectMapper().readValue(profileJson.replace("EMAIL", UUID.randomUUID() + "@module.example")
                .getBytes(StandardCharsets.UTF_8), NewLead.class);
        Lead lead = new Lead(form.email(), Instant.now());
        lead.updateProfile(form.cleaned(), Instant.now());
        return leads.save(lead).getId();
    }

    private void events(long leadId, String type, int times) {
        for (int i = 0; i < times; i++) {
            events.save(new EngagementEvent(leadId, type, Instant.now(), Instant.now()));
        }
    }

    @Test
    void theReceiptNamesEveryRuleAndCapsRunawayActivity() throws Exception {
        long id = lead("""
                {"email": "EMAIL", "firstName": "Mo", "company": "Module SA", "employees": 200, "industry": "Healthcare",
                 "role": "CIO", "country": "France"}""");
        events(id, "EMAIL_OPENED", 22);

        ScoreCard card = transactions.execute(status -> scoring.rescore(id));

        assertThat(card.fitScore()).isEqualTo(20 + 10 + 15 + 5);
        assertThat(card.fit()).extracting(FitLine::reason).contains("Decision-maker role", "Target region");
        assertThat(card.engagementScore()).as("44 points of e-mail opens capped at 40").isEqualTo(40);
        assertThat(card.grade()).isEqualTo("A2");
        assertThat(card.qualified()).isTrue();
        assertThat(leads.findById(id).orElseThrow().getTotalScore()).as("stored on the lead").isEqualTo(90);
    }

    @Test
    void aNewVersionOfAPointsTableScoresTheNextRescore() throws Exception {
        long id = lead("""
                {"email": "EMAIL", "company": "Module SA", "employees": 5}""");
        events(id, "BLOG_POST_READ", 1);
        int before = transactions.execute(status -> scoring.rescore(id)).engagementScore();
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "engagement-points.dmn"));
        assertThat(shipped).contains("\"BLOG_POST_READ\"");
        decisions.deploy(shipped.replaceFirst("(\"BLOG_POST_READ\"</text></inputEntry>(?:\\s*<inputEntry[^>]*>"
                + "<text>[^<]*</text></inputEntry>)*\\s*<outputEntry[^>]*><text>)\\d+", "$1" + 30)
                .getBytes(StandardCharsets.UTF_8));

        ScoreCard after = transactions.execute(status -> scoring.rescore(id));

        assertThat(before).isLessThan(30);
        assertThat(after.engagementScore()).isEqualTo(30);
        assertThat(after.versions().get("engagement-points")).isEqualTo(2);
    }
}
