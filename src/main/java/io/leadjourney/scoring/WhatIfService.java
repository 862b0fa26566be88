package io.leadjourney.scoring;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.InvalidDecisionException;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.StageTransition;
import io.leadjourney.lead.StageTransitionRepository;
import io.leadjourney.support.Chunks;
import io.leadjourney.support.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Forecast before signing: replays a period's leads and their events through a candidate definition (a DMN
 * file that is not deployed) and through the deployed one, so sales and marketing see how many MQLs each would
 * have produced, what became of them, and which leads change side.
 */
@Service
public class WhatIfService {

    static final Set<String> SCORING_TABLES = Set.copyOf(DecisionKeys.DEFINITION);
    static final Period MAX_PERIOD = Period.ofYears(1);
    static final int MAX_LISTED = 1000;

    private final DecisionEvaluator decisions;
    private final ScoringService scoring;
    private final LeadRepository leads;
    private final EngagementEventRepository events;
    private final StageTransitionRepository transitions;

    WhatIfService(DecisionEvaluator decisions, ScoringService scoring, LeadRepository leads,
                  EngagementEventRepository events, StageTransitionRepository transitions) {
        this.decisions = decisions;
        this.scoring = scoring;
        this.leads = leads;
        this.events = events;
        this.transitions = transitions;
    }

    @Transactional(readOnly = true)
    public WhatIfReport forecast(byte[] candidateDmn, LocalDate from, LocalDate to, String source) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from (" + from + ")");
        }
        if (to.isAfter(from.plus(MAX_PERIOD))) {
            throw new InvalidFieldException("to", "the period may be at most " + MAX_PERIOD.getYears() + " year");
        }
        DecisionEvaluator.Candidate candidate = decisions.withCandidate(candidateDmn);
        Set<String> replaced = new TreeSet<>(candidate.decisionKeys());
        replaced.retainAll(SCORING_TABLES);
        if (replaced.isEmpty()) {
            throw new InvalidDecisionException("it defines " + candidate.decisionKeys()
                    + ", none of the scoring tables " + new TreeSet<>(SCORING_TABLES));
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Lead> period = leads.findCapturedBetween(start, end, source);
        Map<Long, List<EngagementCalculator.Event>> eventsByLead = eventsOf(period, end);
        Map<Long, Set<LeadStage>> reached = stagesReached(period);

        Map<LocalDate, WeekCounts> weeks = new TreeMap<>();
        Counts current = new Counts();
        Counts proposed = new Counts();
        List<Long> newlyQualified = new ArrayList<>();
        List<Long> noLongerQualified = new ArrayList<>();
        for (Lead lead : period) {
            List<EngagementCalculator.Event> leadEvents = eventsByLead.getOrDefault(lead.getId(), List.of());
            Instant currentAt = firstQualified(decisions, lead, leadEvents);
            Instant candidateAt = firstQualified(candidate.evaluator(), lead, leadEvents);
            Set<LeadStage> stages = reached.getOrDefault(lead.getId(), Set.of());
            if (currentAt != null) {
                current.count(stages);
                weeks.computeIfAbsent(weekOf(currentAt), w -> new WeekCounts()).current.count(stages);
            }
            if (candidateAt != null) {
                proposed.count(stages);
                weeks.computeIfAbsent(weekOf(candidateAt), w -> new WeekCounts()).candidate.count(stages);
            }
            if (candidateAt != null && currentAt == null && newlyQualified.size() < MAX_LISTED) {
                newlyQualified.add(lead.getId());
            }
            if (currentAt != null && candidateAt == null && noLongerQualified.size() < MAX_LISTED) {
                noLongerQualified.add(lead.getId());
            }
        }
        List<WhatIfReport.Week> weekly = weeks.entrySet().stream().map(e -> e.getValue().week(e.getKey())).toList();
        return new WhatIfReport(from, to, source, replaced, period.size(), current.totals(), proposed.totals(), weekly,
                newlyQualified, noLongerQualified);
    }

    /**
     * When the lead first qualified under these tables: evaluated at its capture and after each of its events,
     * as of that moment (so decay counts as it did then). Null if it never did.
     */
    private Instant firstQualified(DecisionEvaluator tables, Lead lead, List<EngagementCalculator.Event> leadEvents) {
        List<Instant> moments = new ArrayList<>();
        moments.add(lead.getCreatedAt());
        leadEvents.stream().map(EngagementCalculator.Event::occurredAt).sorted().forEach(moments::add);
        for (Instant moment : moments) {
            List<EngagementCalculator.Event> sofar = leadEvents.stream()
                    .filter(event -> !event.occurredAt().isAfter(moment)).toList();
            Instant asOf = moment.isBefore(lead.getCreatedAt()) ? lead.getCreatedAt() : moment;
            if (scoring.scoreEvents(tables, lead, sofar, asOf).qualified()) {
                return asOf;
            }
        }
        return null;
    }

    private Map<Long, List<EngagementCalculator.Event>> eventsOf(List<Lead> period, Instant end) {
        Map<Long, List<EngagementCalculator.Event>> byLead = new HashMap<>();
        List<Long> ids = period.stream().map(Lead::getId).toList();
        for (List<Long> chunk : Chunks.of(ids)) {
            for (Object[] row : events.typesAndTimesBefore(chunk, end)) {
                byLead.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(new EngagementCalculator.Event(
                        EngagementEventRepository.behaviourOf(row).key(), (Instant) row[2]));
            }
        }
        byLead.values().forEach(list -> list.sort(Comparator.comparing(EngagementCalculator.Event::occurredAt)));
        return byLead;
    }

    private Map<Long, Set<LeadStage>> stagesReached(List<Lead> period) {
        Map<Long, Set<LeadStage>> reached = new HashMap<>();
        List<Long> ids = period.stream().map(Lead::getId).toList();
        for (List<Long> chunk : Chunks.of(ids)) {
            for (StageTransition transition : transitions.findByLeadIdIn(chunk)) {
                reached.computeIfAbsent(transition.getLeadId(), id -> new HashSet<>()).add(transition.getToStage());
            }
        }
        return reached;
    }

    private static LocalDate weekOf(Instant moment) {
        return moment.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** MQLs and what became of them: accepted (SAL), handed to sales (SQL), won. */
    private static final class Counts {
        private int mqls;
        private int accepted;
        private int sql;
        private int won;

        void count(Set<LeadStage> stages) {
            mqls++;
            accepted += stages.contains(LeadStage.SAL) ? 1 : 0;
            sql += stages.contains(LeadStage.SQL) ? 1 : 0;
            won += stages.contains(LeadStage.WON) ? 1 : 0;
        }

        WhatIfReport.Totals totals() {
            return new WhatIfReport.Totals(mqls, accepted, sql, won);
        }
    }

    /** One week, by the moment each lead first qualified under either definition. */
    private static final class WeekCounts {
        private final Counts current = new Counts();
        private final Counts candidate = new Counts();

        WhatIfReport.Week week(LocalDate monday) {
            return new WhatIfReport.Week(monday, current.mqls, candidate.mqls, candidate.accepted, candidate.sql,
                    candidate.won);
        }
    }
}
