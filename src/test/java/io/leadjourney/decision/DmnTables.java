package io.leadjourney.decision;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Parses the tables in {@code bpmn/} as deployed and evaluates them without a process engine. */
final class DmnTables {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final Map<String, DmnDecision> PARSED = new HashMap<>();

    private DmnTables() {
    }

    static synchronized DmnDecisionTableResult evaluate(String key, Map<String, Object> variables) {
        DmnDecision decision = PARSED.computeIfAbsent(key, DmnTables::parse);
        return ENGINE.evaluateDecisionTable(decision, variables);
    }

    /** Variables with nulls allowed, as a lead with missing fields has them. */
    static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static DmnDecision parse(String key) {
        try (InputStream in = DmnTables.class.getResourceAsStream("/" + key + ".dmn")) {
            if (in == null) {
                throw new IllegalArgumentException("No table " + key + ".dmn on the classpath");
            }
            return ENGINE.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
