package io.leadjourney.scoring;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.engagement.Behaviour;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadFields;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.leadjourney.decision.DecisionOutcome.intOutput;
import static io.leadjourney.decision.DecisionOutcome.stringOutput;

/**
 * Scores leads with the DMN tables process owners edit in Modeler: {@code lead-fit} (who they are, never
 * decays), {@code engagement-points} and {@code engagement-caps} (what they did, decaying with age),
 * {@code lead-grade} (the fit A-D x engagement 1-4 matrix) and {@code mql-qualification} (whether that makes an MQL).
 * Engagement is read from the leads' tallies ({@link EngagementTallies}), which new events update incrementally.
 * Scores and tallies are written in one JDBC batch ({@link LeadScoreStore}), however many leads a change touches.
 */
@Service
public class ScoringService {

    static final String OUT_POINTS = "points";
    static final String OUT_REASON = "reason";
    static final String OUT_GROUP = "scoreGroup";
    static final String OUT_CAP = "cap";
    static final String OUT_QUALIFIED = "qualified";
    static final String OUT_GRADE = "grade";

    private final DecisionEvaluator decisions;
    private final LeadRepository leads;
    private final LeadStageService stages;
    private final EngagementTallies tallies;
    private final LeadScoreStore store;
    private final LeadFields fields;
    private final Clock clock;

    ScoringService(DecisionEvaluator decisions, LeadRepository leads, LeadStageService stages,
                   EngagementTallies tallies, LeadScoreStore store, LeadFields fields, Clock clock) {
        this.fields = fields;
        this.decisions = decisions;
        this.leads = leads;
        this.stages = stages;
        this.tallies = tallies;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Scoring of leads the caller's transaction has locked, around a change: their scores now, the new
     * activity, their new scores. Engagement tallies are read once and written once, however many events.
     */
    public final class LeadScores {
        private final EngagementTallies.Snapshot snapshot;
        private final Map<Long, Lead> rescored = new LinkedHashMap<>();
        /** The rescored leads whose total or grade moved: the score over time records them. */
        private final Map<Long, Lead> changed = new LinkedHashMap<>();

        private LeadScores(EngagementTallies.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        /** The lead's score with what is recorded so far; changes nothing. */
        public ScoreCard current(Lead lead) {
            return score(decisions, lead, snapshot.of(lead.getId()), snapshot.now());
        }

        /** One new event of the lead (already stored by the caller). */
        public void add(long leadId, Behaviour behaviour, Instant occurredAt) {
            snapshot.add(leadId, behaviour.key(), occurredAt);
        }

        /** Scores the lead and gives it the new score; {@link #save} stores it. */
        public ScoreCard rescore(Lead lead) {
            ScoreCard card = current(lead);
            if (lead.getScoredAt() == null || lead.getTotalScore() != card.totalScore()
                    || !Objects.equals(lead.getGrade(), card.grade())) {
                changed.put(lead.getId(), lead);
            }
            lead.applyScore(card.fitScore(), card.engagementScore(), card.totalScore(), card.grade(),
                    card.qualified(), card.receipt(), card.versionTags(), card.asOf());
            rescored.put(lead.getId(), lead);
            return card;
        }

        /** Stores the rescored leads' scores and engagement tallies; call before anything reads them again. */
        public void save() {
            snapshot.applyTo(rescored.values());
            store.store(rescored.values(), snapshot.now());
            store.recordChanges(changed.values());
            rescored.clear();
            changed.clear();
        }
    }

    /** Opens {@link LeadScores} for leads the caller's transaction has locked, as of now. */
    @Transactional
    public LeadScores scores(Collection<Lead> lockedLeads) {
        return new LeadScores(tallies.read(lockedLeads, Instant.now(clock)));
    }

    /** Recomputes the lead's score from its profile and its activity, and stores it on the lead. */
    @Transactional
    public ScoreCard rescore(long leadId) {
        return rescore(leads.lock(leadId));
    }

    /** As {@link #rescore(long)}, for a lead the caller's transaction has already locked. */
    @Transactional
    public ScoreCard rescore(Lead lead) {
        LeadScores scores = scores(List.of(lead));
        ScoreCard card = scores.rescore(lead);
        scores.save();
        return card;
    }

    /** The "Score lead" step: rescore, and make the lead an MQL when the qualification table says so. */
    @Transactional
    public ScoreCard qualify(long leadId, String by) {
        ScoreCard card = rescore(leadId);
        if (card.qualified()) {
            stages.moveTo(leadId, LeadStage.MQL, by, card.qualificationReason() + " (" + card.versionTags() + ")");
        }
        return card;
    }

    /** The lead's score as of now, with its full receipt; changes nothing. */
    @Transactional(readOnly = true)
    public ScoreCard receipt(long leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        Instant now = Instant.now(clock);
        return score(decisions, lead, tallies.read(List.of(lead), now).of(leadId), now);
    }

    /** The lead's score over time, oldest first: the latest {@code limit} times scoring moved it. */
    @Transactional(readOnly = true)
    public List<ScoreChange> changesOf(long leadId, int limit) {
        return store.changesOf(leadId, limit);
    }

    /** Scores a lead's events as of a moment with the given tables: what-if replays history this way. */
    ScoreCard scoreEvents(DecisionEvaluator decisions, Lead lead, List<EngagementCalculator.Event> leadEvents,
                          Instant asOf) {
        return score(decisions, lead, tallies.calculator().tally(leadEvents, asOf), asOf);
    }

    /** Scores with the given tables: the deployed ones, or a candidate definition under review (what-if). */
    private ScoreCard score(DecisionEvaluator decisions, Lead lead, List<Tally> leadTallies, Instant now) {
        Map<String, Integer> versions = new LinkedHashMap<>();

        DecisionOutcome fit = decisions.evaluate(DecisionKeys.LEAD_FIT, fitInputs(lead));
        versions.put(fit.decisionKey(), fit.version());
        List<FitLine> fitLines = new ArrayList<>();
        int fitScore = 0;
        for (Map<String, Object> rule : fit.rules()) {
            FitLine line = new FitLine(stringOutput(rule, OUT_REASON), intOutput(rule, OUT_POINTS));
            fitLines.add(line);
            fitScore += line.points();
        }

        Map<String, List<EngagementCalculator.Rule>> rulesByType = new HashMap<>();
        for (Tally tally : leadTallies) {
            rulesByType.computeIfAbsent(tally.eventType(), key -> {
                DecisionOutcome points = decisions.evaluate(DecisionKeys.ENGAGEMENT_POINTS,
                        Behaviour.parse(key).inputs());
                versions.put(points.decisionKey(), points.version());
                return points.rules().stream().map(rule -> new EngagementCalculator.Rule(
                        stringOutput(rule, OUT_GROUP), stringOutput(rule, OUT_REASON), intOutput(rule, OUT_POINTS)))
                        .toList();
            });
        }
        Map<String, Optional<Integer>> caps = new HashMap<>();
        EngagementCalculator.Result engagement = tallies.calculator().calculate(leadTallies, rulesByType,
                group -> caps.computeIfAbsent(group, g -> {
                    DecisionOutcome cap = decisions.evaluate(DecisionKeys.ENGAGEMENT_CAPS, Map.of("scoreGroup", g));
                    versions.put(cap.decisionKey(), cap.version());
                    return cap.firstRule().map(rule -> rule.get(OUT_CAP)).map(value -> ((Number) value).intValue());
                }).orElse(null));

        int total = fitScore + engagement.total();
        Map<String, Object> gradeInputs = Map.of("fitScore", fitScore, "engagementScore", engagement.total());
        DecisionOutcome grading = decisions.evaluate(DecisionKeys.LEAD_GRADE, gradeInputs);
        versions.put(grading.decisionKey(), grading.version());
        String grade = grading.firstRule().map(rule -> stringOutput(rule, OUT_GRADE)).orElse(null);

        Map<String, Object> qualificationInputs = new HashMap<>();
        qualificationInputs.put("fitScore", fitScore);
        qualificationInputs.put("engagementScore", engagement.total());
        qualificationInputs.put("totalScore", total);
        qualificationInputs.put("grade", grade);
        qualificationInputs.put("hasName", lead.hasName());
        qualificationInputs.put("hasCompany", lead.hasCompany());
        // A hand-raise sales has already decided on (sent back to nurture) does not qualify the lead again.
        qualificationInputs.put("wantsContact", lead.isHandRaisePending());
        DecisionOutcome qualification = decisions.evaluate(DecisionKeys.MQL_QUALIFICATION, qualificationInputs);
        versions.put(qualification.decisionKey(), qualification.version());
        Map<String, Object> verdict = qualification.firstRule().orElseThrow(() -> new IllegalStateException(
                "The " + qualification.versionTag() + " table matched no rule for lead " + lead.getId()
                        + "; it needs a last rule that matches every lead"));

        return new ScoreCard(fitScore, engagement.total(), total, grade,
                Boolean.TRUE.equals(verdict.get(OUT_QUALIFIED)), stringOutput(verdict, OUT_REASON), fitLines,
                engagement.lines(), engagement.groups(), engagement.totalCap(), versions, now);
    }

    /** The lead as the fit table sees it: texts lower-cased, with every field {@code lead-fields.dmn} declares. */
    private Map<String, Object> fitInputs(Lead lead) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("employees", lead.getEmployees());
        inputs.put("annualRevenue", lead.getAnnualRevenue());
        inputs.put("industry", lower(lead.getIndustry()));
        inputs.put("businessModel", lower(lead.getBusinessModel()));
        inputs.put("jobRole", lower(lead.getRole()));
        inputs.put("country", lower(lead.getCountry()));
        String email = lead.getEmail();
        inputs.put("emailDomain", email == null ? null : lower(email.substring(email.indexOf('@') + 1)));
        fields.inputsOf(lead).forEach((name, value) -> inputs.put(name, value instanceof String text ? lower(text)
                : value));
        return inputs;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
