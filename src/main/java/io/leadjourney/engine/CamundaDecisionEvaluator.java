package io.leadjourney.engine;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.decision.InvalidDecisionException;
import io.leadjourney.scoring.ScoringProperties;
import io.leadjourney.support.SystemAuthentication;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the latest deployed version of a decision (a table, or a literal expression) from a parsed copy held in memory: no history is
 * written per evaluation, so scoring thousands of events stays cheap. The copy is checked against the latest
 * deployed version every {@code leadjourney.scoring.decision-refresh}, so a table a process owner deploys is
 * in use within that time. Results are remembered per table version and inputs (bounded), which assumes what
 * holds for the scoring tables: an answer depends on the inputs only (no {@code now()} in a rule).
 */
@Component
class CamundaDecisionEvaluator implements DecisionEvaluator {

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine;
    private final SystemAuthentication system;
    private final ScoringProperties properties;
    private final Map<String, Parsed> latest = new ConcurrentHashMap<>();
    /** Results per table version and inputs: scoring tables are pure functions of their inputs. */
    private final Map<ResultKey, DecisionOutcome> results = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ResultKey, DecisionOutcome> eldest) {
                    return size() > MAX_CACHED_RESULTS;
                }
            });
    static final int MAX_CACHED_RESULTS = 50_000;

    private record ResultKey(String definitionId, Map<String, Object> inputs) {
    }

    private record ColumnKey(String definitionId, String inputExpression) {
    }

    /** The vocabulary of a column, per table version. */
    private final Map<ColumnKey, Set<String>> columns = new ConcurrentHashMap<>();

    /** @param checkedAt {@link System#nanoTime()} of the last look at the latest version */
    private record Parsed(String definitionId, int version, DmnDecision decision, long checkedAt) {
    }

    CamundaDecisionEvaluator(RepositoryService repositoryService, SystemAuthentication system,
                             ScoringProperties properties) {
        this.repositoryService = repositoryService;
        // A standalone DMN engine: the process engine's own would write decision history on every evaluation.
        this.dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        this.system = system;
        this.properties = properties;
    }

    @Override
    public DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs) {
        Parsed table = latest(decisionKey);
        ResultKey key = new ResultKey(table.definitionId(), new java.util.HashMap<>(inputs));
        DecisionOutcome cached = results.get(key);
        if (cached != null) {
            return cached;
        }
        DecisionOutcome outcome = outcome(decisionKey, table.version(), table.decision(), inputs);
        results.put(key, outcome);
        return outcome;
    }

    @Override
    public Set<String> namedValues(String decisionKey, String inputExpression) {
        Parsed table = latest(decisionKey);
        return columns.computeIfAbsent(new ColumnKey(table.definitionId(), inputExpression), key -> system.call(() -> {
            try (InputStream model = repositoryService.getDecisionModel(key.definitionId())) {
                return java.util.Collections.unmodifiableSet(DecisionColumns.namedValues(
                        Dmn.readModelFromStream(model), decisionKey, inputExpression));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    @Override
    public Candidate withCandidate(byte[] dmn) {
        Map<String, DmnDecision> replaced = new LinkedHashMap<>();
        try {
            for (DmnDecision decision : dmnEngine.parseDecisions(new java.io.ByteArrayInputStream(dmn))) {
                replaced.put(decision.getKey(), decision);
            }
        } catch (RuntimeException e) {
            throw new InvalidDecisionException("not a DMN file the engine can read: " + e.getMessage(), e);
        }
        if (replaced.isEmpty()) {
            throw new InvalidDecisionException("the file defines no decision");
        }
        DecisionEvaluator deployed = this;
        DecisionEvaluator candidate = new DecisionEvaluator() {
            @Override
            public DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs) {
                DmnDecision decision = replaced.get(decisionKey);
                return decision == null ? deployed.evaluate(decisionKey, inputs)
                        : outcome(decisionKey, 0, decision, inputs);
            }

            @Override
            public Set<String> namedValues(String decisionKey, String inputExpression) {
                return replaced.containsKey(decisionKey)
                        ? DecisionColumns.namedValues(Dmn.readModelFromStream(new java.io.ByteArrayInputStream(dmn)),
                        decisionKey, inputExpression)
                        : deployed.namedValues(decisionKey, inputExpression);
            }

            @Override
            public Candidate withCandidate(byte[] other) {
                throw new InvalidDecisionException("a candidate cannot be layered on a candidate");
            }
        };
        return new Candidate(Set.copyOf(replaced.keySet()), candidate);
    }

    private DecisionOutcome outcome(String key, int version, DmnDecision decision, Map<String, Object> inputs) {
        List<Map<String, Object>> rules = new ArrayList<>();
        if (decision.isDecisionTable()) {
            for (DmnDecisionRuleResult rule : dmnEngine.evaluateDecisionTable(decision, inputs)) {
                rules.add(new LinkedHashMap<>(rule.getEntryMap()));
            }
        } else {
            // A literal expression, such as the team's zone: one answer under its variable's name.
            dmnEngine.evaluateDecision(decision, inputs).forEach(entries -> rules.add(new LinkedHashMap<>(
                    entries.getEntryMap())));
        }
        return new DecisionOutcome(key, version, rules);
    }

    private Parsed latest(String key) {
        // A monotonic timer: the business clock may be moved (tests, a clock correction) and is no cache's measure.
        long now = System.nanoTime();
        Parsed cached = latest.get(key);
        if (cached != null && now - cached.checkedAt() < properties.decisionRefresh().toNanos()) {
            return cached;
        }
        Parsed fresh = system.call(() -> {
            DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(key).latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("No decision table '" + key + "' is deployed");
            }
            if (cached != null && cached.definitionId().equals(definition.getId())) {
                return new Parsed(cached.definitionId(), cached.version(), cached.decision(), now);
            }
            try (InputStream model = repositoryService.getDecisionModel(definition.getId())) {
                return new Parsed(definition.getId(), definition.getVersion(), dmnEngine.parseDecision(key, model),
                        now);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        latest.put(key, fresh);
        return fresh;
    }
}
