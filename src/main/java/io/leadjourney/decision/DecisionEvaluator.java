package io.leadjourney.decision;

import java.util.Map;

/**
 * Evaluates the latest deployed version of a DMN decision table by its key.
 * Feature services depend on this interface only; the implementation lives with the engine in {@code journey}.
 */
public interface DecisionEvaluator {

    DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs);
}
