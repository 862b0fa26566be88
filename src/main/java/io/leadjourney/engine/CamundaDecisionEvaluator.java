package io.leadjourney.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.decision.InvalidDecisionException;
import io.leadjourney.scoring.ScoringProperties;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
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

/**
 * Evaluates the latest deployed version of a decision (a table, or a literal expression) from a parsed copy held in
 * memory: no history is written per evaluation, so scoring thousands of events stays cheap. Three Caffeine caches:
 * which version is the latest, looked up again after {@code leadjourney.scoring.decision-refresh} (a table a
 * process owner deploys is in use within that time); each version's parsed decision and its columns' vocabulary
 * (a version never changes); and answers per version and inputs (bounded), which assumes what holds for our tables:
 * an answer depends on the inputs only (no {@code now()} in a rule).
 */
@Component
class CamundaDecisionEvaluator implements DecisionEvaluator {

    static final int MAX_CACHED_RESULTS = 50_000;
    private static final int MAX_CACHED_VERSIONS = 1_000;

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine;
    private final SystemAuthentication system;
    /** The latest deployed version of each decision key; expires after the refresh interval. */
    private final Cache<String, Version> latest;
    private final Cache<String, DmnDecision> parsed = Caffeine.newBuilder().maximumSize(MAX_CACHED_VERSIONS).build();
    private final Cache<ColumnKey, Set<String>> columns = Caffeine.newBuilder().maximumSize(MAX_CACHED_VERSIONS)
            .build();
    private final Cache<ResultKey, DecisionOutcome> results = Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_RESULTS).build();

    private record Version(String definitionId, int version) {
    }

    private record ResultKey(String definitionId, Map<String, Object> inputs) {
    }

    private record ColumnKey(String definitionId, String inputExpression) {
    }

    CamundaDecisionEvaluator(RepositoryService repositoryService, SystemAuthentication system,
                             ScoringProperties properties) {
        this.repositoryService = repositoryService;
        // A standalone DMN engine: the process engine's own would write decision history on every evaluation.
        // Its FEEL engine remembers each cell's answer for the values it read (CachingFeelEngine).
        this.dmnEngine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(CachingFeelEngine.around(new ScalaFeelEngineFactory()))
                .buildEngine();
        this.system = system;
        // Caffeine's own ticker is monotonic: the business clock may be moved (tests, a clock correction).
        this.latest = Caffeine.newBuilder().expireAfterWrite(properties.decisionRefresh()).build();
    }

    @Override
    public DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs) {
        Version table = latest(decisionKey);
        return results.get(new ResultKey(table.definitionId(), new java.util.HashMap<>(inputs)),
                key -> outcome(decisionKey, table.version(), decision(decisionKey, table), inputs));
    }

    @Override
    public Set<String> namedValues(String decisionKey, String inputExpression) {
        Version table = latest(decisionKey);
        return columns.get(new ColumnKey(table.definitionId(), inputExpression), key -> system.call(() -> {
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

    private Version latest(String key) {
        return latest.get(key, absent -> system.call(() -> {
            DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(key).latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("No decision table '" + key + "' is deployed");
            }
            return new Version(definition.getId(), definition.getVersion());
        }));
    }

    private DmnDecision decision(String key, Version version) {
        return parsed.get(version.definitionId(), id -> system.call(() -> {
            try (InputStream model = repositoryService.getDecisionModel(id)) {
                return dmnEngine.parseDecision(key, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }
}
