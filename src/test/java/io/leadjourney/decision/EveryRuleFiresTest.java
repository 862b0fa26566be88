package io.leadjourney.decision;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No dead rules: for every table in {@code bpmn/}, each rule is the one that answers (or, for a COLLECT table, one
 * that answers) for some lead. A rule that an earlier rule always shadows, like a size band behind a deal-value rule
 * that depends on the same size, fails here. Inputs are searched from the values the table's own entries name
 * (each literal, each bound and its neighbours, true, false, nothing), so a new table needs no change here.
 */
class EveryRuleFiresTest {

    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w\"])-?\\d+(?:\\.\\d+)?");
    private static final int TRIES_PER_RULE = 20_000;

    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();
    private static final DmnEngine ENGINE;

    static {
        DefaultDmnEngineConfiguration configuration = new DefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationEvent event) ->
                MATCHED.set(event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList())));
        ENGINE = configuration.buildEngine();
    }

    static Stream<String> tables() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".dmn"))
                    .map(name -> name.substring(0, name.length() - ".dmn".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("tables")
    void everyRuleFiresForSomeInput(String key) throws IOException {
        DmnDecision decision;
        try (InputStream in = Files.newInputStream(Path.of("bpmn", key + ".dmn"))) {
            decision = ENGINE.parseDecision(key, in);
        }
        DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        List<String> names = new ArrayList<>();
        List<List<Object>> candidates = new ArrayList<>();
        for (int column = 0; column < table.getInputs().size(); column++) {
            DmnDecisionTableInputImpl input = table.getInputs().get(column);
            names.add(input.getExpression().getExpression().trim());
            candidates.add(candidates(input.getExpression().getTypeDefinition().getTypeName(), table, column));
        }
        Random random = new Random(42);
        List<String> dead = new ArrayList<>();
        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            if (!fires(decision, rule.getId(), names, candidates, random)) {
                dead.add(rule.getId() + " (" + rule.getConditions().stream().map(DmnExpressionImpl::getExpression)
                        .toList() + ")");
            }
        }
        assertThat(dead).as("rules of %s that no input reaches", key).isEmpty();
    }

    private static boolean fires(DmnDecision decision, String ruleId, List<String> names, List<List<Object>> values,
                                 Random random) {
        for (int attempt = 0; attempt < TRIES_PER_RULE; attempt++) {
            Map<String, Object> variables = new HashMap<>();
            for (int column = 0; column < names.size(); column++) {
                List<Object> options = values.get(column);
                variables.put(names.get(column), options.get(random.nextInt(options.size())));
            }
            MATCHED.remove();
            ENGINE.evaluateDecisionTable(decision, variables);
            List<String> matched = MATCHED.get();
            boolean first = decision.getDecisionLogic() instanceof DmnDecisionTableImpl table
                    && "FIRST".equals(String.valueOf(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy()));
            if (matched != null && (first ? !matched.isEmpty() && matched.get(0).equals(ruleId)
                    : matched.contains(ruleId))) {
                return true;
            }
        }
        return false;
    }

    /** The values a column's entries name, their neighbours, and nothing, in the column's type. */
    private static List<Object> candidates(String type, DmnDecisionTableImpl table, int column) {
        Set<Object> values = new LinkedHashSet<>();
        values.add(null);
        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            String entry = rule.getConditions().get(column).getExpression();
            if (entry == null) {
                continue;
            }
            switch (type == null ? "string" : type) {
                case "boolean" -> {
                    values.add(true);
                    values.add(false);
                }
                case "integer", "long", "double" -> {
                    Matcher number = NUMBER.matcher(entry.replace("..", " "));
                    while (number.find()) {
                        double value = Double.parseDouble(number.group());
                        for (double near : new double[]{value - 1, value, value + 1}) {
                            values.add(switch (type) {
                                case "integer" -> (int) near;
                                case "long" -> (long) near;
                                default -> near;
                            });
                        }
                    }
                }
                default -> {
                    Matcher string = STRING.matcher(entry);
                    while (string.find()) {
                        values.add(string.group(1));
                    }
                    values.add("something else");
                }
            }
        }
        return new ArrayList<>(values);
    }
}
