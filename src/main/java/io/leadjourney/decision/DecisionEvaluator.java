package io.leadjourney.decision;

import java.util.Map;
import java.util.Set;

/**
 * Evaluates the latest deployed version of a DMN decision table by its key.
 * Feature services depend on this interface only; the implementation lives with the engine in {@code journey}.
 */
public interface DecisionEvaluator {

    DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs);

    /**
     * The vocabulary of a column of the latest deployed version: the string literals its rules name in the input
     * whose expression is {@code inputExpression} (such as {@code "WEBINAR_ATTENDED"} in the {@code eventType}
     * column), in rule order. A process owner widens the vocabulary by adding a rule in Modeler.
     *
     * @throws IllegalStateException when the table has no such input
     */
    Set<String> namedValues(String decisionKey, String inputExpression);

    /**
     * An evaluator that answers the decisions a candidate DMN file defines from that file (not deployed; their
     * version is reported as 0) and every other decision as deployed.
     *
     * @throws InvalidDecisionException when the file is not a DMN file the engine can read
     */
    Candidate withCandidate(byte[] dmn);

    /** A candidate definition: which tables it replaces, and how to evaluate with them. */
    record Candidate(Set<String> decisionKeys, DecisionEvaluator evaluator) {
    }
}
