package io.leadjourney.scoring;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.engagement.EngagementType;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.leadjourney.decision.DecisionOutcome.intOutput;
import static io.leadjourney.decision.DecisionOutcome.stringOutput;

/**
 * Scores leads with the DMN tables process owners edit in Modeler:
 * {@code lead-fit} (who they are), {@code engagement-points} (what they did) and
 * {@code mql-qualification} (whether that makes them an MQL, and their grade).
 */
@Service
public class ScoringService {

    static final String OUT_POINTS = "points";
    static final String OUT_REASON = "reason";
    static final String OUT_QUALIFIED = "qualified";
    static final String OUT_GRADE = "grade";

    private final DecisionEvaluator decisions;
    private final LeadRepository leads;
    private final EngagementEventRepository events;
    private final LeadStageService stages;
    private final Clock clock;

    ScoringService(DecisionEvaluator decisions, LeadRepository leads, EngagementEventRepository events,
                   LeadStageService stages, Clock clock) {
        this.decisions = decisions;
        this.leads = leads;
        this.events = events;
        this.stages = stages;
        this.clock = clock;
    }

    /** Recomputes the lead's score from its profile and all its events, and stores it on the lead. */
    @Transactional
    public ScoreCard rescore(long leadId) {
        Lead lead = leads.findForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        ScoreCard card = score(lead, engagementCounts(leadId));
        lead.applyScore(card.fitScore(), card.engagementScore(), card.totalScore(), card.grade(), card.qualified(),
                card.receipt(), card.versions(), Instant.now(clock));
        return card;
    }

    /** The "Score lead" step: rescore, and make the lead an MQL when the qualification table says so. */
    @Transactional
    public ScoreCard qualify(long leadId, String by) {
        ScoreCard card = rescore(leadId);
        if (card.qualified()) {
            stages.moveTo(leadId, LeadStage.MQL, by, card.qualificationReason());
        }
        return card;
    }

    ScoreCard score(Lead lead, Map<EngagementType, Long> counts) {
        List<String> lines = new ArrayList<>();

        DecisionOutcome fit = decisions.evaluate(DecisionKeys.LEAD_FIT, fitInputs(lead));
        int fitScore = 0;
        for (Map<String, Object> rule : fit.rules()) {
            int points = intOutput(rule, OUT_POINTS);
            fitScore += points;
            lines.add(signed(points) + " " + stringOutput(rule, OUT_REASON));
        }

        int engagementScore = 0;
        int engagementVersion = 0;
        for (Map.Entry<EngagementType, Long> entry : counts.entrySet()) {
            DecisionOutcome outcome = decisions.evaluate(DecisionKeys.ENGAGEMENT_POINTS,
                    Map.of("eventType", entry.getKey().name()));
            engagementVersion = outcome.version();
            for (Map<String, Object> rule : outcome.rules()) {
                int points = intOutput(rule, OUT_POINTS) * entry.getValue().intValue();
                engagementScore += points;
                lines.add(signed(points) + " " + stringOutput(rule, OUT_REASON)
                        + (entry.getValue() > 1 ? " x" + entry.getValue() : ""));
            }
        }

        int total = fitScore + engagementScore;
        Map<String, Object> qualificationInputs = new HashMap<>();
        qualificationInputs.put("fitScore", fitScore);
        qualificationInputs.put("engagementScore", engagementScore);
        qualificationInputs.put("totalScore", total);
        qualificationInputs.put("hasName", lead.hasName());
        qualificationInputs.put("hasCompany", lead.hasCompany());
        qualificationInputs.put("wantsContact", lead.isWantsContact());
        DecisionOutcome qualification = decisions.evaluate(DecisionKeys.MQL_QUALIFICATION, qualificationInputs);
        Map<String, Object> verdict = qualification.firstRule().orElseThrow(() -> new IllegalStateException(
                "The " + qualification.versionTag() + " table matched no rule for lead " + lead.getId()
                        + "; it needs a last rule that matches every lead"));

        String versions = fit.versionTag()
                + (engagementVersion > 0 ? " " + DecisionKeys.ENGAGEMENT_POINTS + ":v" + engagementVersion : "")
                + " " + qualification.versionTag();
        return new ScoreCard(fitScore, engagementScore, total, stringOutput(verdict, OUT_GRADE),
                Boolean.TRUE.equals(verdict.get(OUT_QUALIFIED)), stringOutput(verdict, OUT_REASON), lines, versions);
    }

    private Map<EngagementType, Long> engagementCounts(long leadId) {
        Map<EngagementType, Long> counts = new EnumMap<>(EngagementType.class);
        for (Object[] row : events.countByType(leadId)) {
            counts.put((EngagementType) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static Map<String, Object> fitInputs(Lead lead) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("employees", lead.getEmployees());
        inputs.put("industry", lower(lead.getIndustry()));
        inputs.put("jobRole", lower(lead.getRole()));
        inputs.put("country", lower(lead.getCountry()));
        return inputs;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String signed(int points) {
        return points >= 0 ? "+" + points : String.valueOf(points);
    }
}
