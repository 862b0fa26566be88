package io.leadjourney;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.decision.InvalidDecisionException;
import io.leadjourney.engine.DecisionColumns;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The decisions of {@code bpmn/*.dmn}, evaluated by Camunda's DMN engine without a process engine: the real tables,
 * for module tests that do not boot the engine. {@link #deploy} replaces a file as a process owner's deployment
 * would (the version counts up).
 */
public final class ModelDecisions implements DecisionEvaluator {

    /** Gives a module test the shipped tables as its {@link DecisionEvaluator}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Shipped {
        @Bean
        ModelDecisions modelDecisions() {
            return new ModelDecisions();
        }
    }

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .buildEngine();

    private record Version(int number, DmnDecision decision, DmnModelInstance model) {
    }

    private final Map<String, Version> latest = new ConcurrentHashMap<>();

    public ModelDecisions() {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".dmn")).sorted().toList()) {
                deploy(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every decision of the file becomes the latest version of its key. */
    public void deploy(byte[] dmn) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
        for (DmnDecision decision : ENGINE.parseDecisions(model)) {
            latest.merge(decision.getKey(), new Version(1, decision, model),
                    (old, next) -> new Version(old.number() + 1, next.decision(), next.model()));
        }
    }

    @Override
    public DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs) {
        Version version = latest.get(decisionKey);
        if (version == null) {
            throw new IllegalStateException("No decision table '" + decisionKey + "' in bpmn/");
        }
        return outcome(decisionKey, version.number(), version.decision(), inputs);
    }

    @Override
    public Set<String> namedValues(String decisionKey, String inputExpression) {
        return DecisionColumns.namedValues(latest.get(decisionKey).model(), decisionKey, inputExpression);
    }

    @Override
    public Candidate withCandidate(byte[] dmn) {
        Map<String, DmnDecision> replaced = new LinkedHashMap<>();
        try {
            ENGINE.parseDecisions(new ByteArrayInputStream(dmn)).forEach(d -> replaced.put(d.getKey(), d));
        } catch (RuntimeException e) {
            throw new InvalidDecisionException("not a DMN file the engine can read: " + e.getMessage(), e);
        }
        ModelDecisions deployed = this;
        return new Candidate(Set.copyOf(replaced.keySet()), new DecisionEvaluator() {
            @Override
            public DecisionOutcome evaluate(String key, Map<String, Object> inputs) {
                return replaced.containsKey(key) ? outcome(key, 0, replaced.get(key), inputs)
                        : deployed.evaluate(key, inputs);
            }

            @Override
            public Set<String> namedValues(String key, String inputExpression) {
                return deployed.namedValues(key, inputExpression);
            }

            @Override
            public Candidate withCandidate(byte[] other) {
                throw new InvalidDecisionException("a candidate cannot be layered on a candidate");
            }
        });
    }

    private static DecisionOutcome outcome(String key, int version, DmnDecision decision, Map<String, Object> inputs) {
        List<Map<String, Object>> rules = new ArrayList<>();
        ENGINE.evaluateDecision(decision, inputs).forEach(rule -> rules.add(new LinkedHashMap<>(rule.getEntryMap())));
        return new DecisionOutcome(key, version, rules);
    }
}
