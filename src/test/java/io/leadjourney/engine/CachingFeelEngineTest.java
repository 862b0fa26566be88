package io.leadjourney.engine;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.junit.jupiter.api.Test;

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

class CachingFeelEngineTest {

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int ROUNDS = 60;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine caching = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration())
            .feelEngineFactory(CachingFeelEngine.around(new ScalaFeelEngineFactory())).buildEngine();

    /**
     * Every shipped table, for inputs made of the values its cells name (each number, one above and one below it,
     * each string, null and an unknown value), answers the same with the cache as without it, the first time and when
     * the answers come from the cache.
     */
    @Test
    void everyShippedTableAnswersAsWithoutTheCache() throws IOException {
        Random random = new Random(23);
        int compared = 0;
        int answered = 0;
        List<Path> files;
        try (Stream<Path> dmn = Files.list(Path.of("bpmn"))) {
            files = dmn.filter(path -> path.toString().endsWith(".dmn")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            Map<String, List<Object>> candidates = candidates(model);
            List<DmnDecision> plainDecisions;
            List<DmnDecision> cachingDecisions;
            try (InputStream a = Files.newInputStream(file); InputStream b = Files.newInputStream(file)) {
                plainDecisions = plain.parseDecisions(a);
                cachingDecisions = caching.parseDecisions(b);
            }
            for (int d = 0; d < plainDecisions.size(); d++) {
                for (int round = 0; round < ROUNDS; round++) {
                    Map<String, Object> inputs = new HashMap<>();
                    candidates.forEach((name, values) -> inputs.put(name, values.get(random.nextInt(values.size()))));
                    String expected = answer(plain, plainDecisions.get(d), inputs);
                    assertThat(answer(caching, cachingDecisions.get(d), inputs)).as("%s %s", file, inputs)
                            .isEqualTo(expected);
                    assertThat(answer(caching, cachingDecisions.get(d), inputs)).as("again: %s %s", file, inputs)
                            .isEqualTo(expected);
                    compared++;
                    if (expected.startsWith("[")) {
                        answered++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(15 * ROUNDS);
        assertThat(answered).as("comparisons of answers, not of refusals").isGreaterThan(compared * 3 / 4);
    }

    @Test
    void aCellIsEvaluatedOnceForTheSameValuesAndAgainForOthers() {
        CountingFeel feel = new CountingFeel();
        CachingFeelEngine engine = new CachingFeelEngine(feel);

        engine.evaluateSimpleUnaryTests("> 1000", "cellInput", context("cellInput", 5));
        engine.evaluateSimpleUnaryTests("> 1000", "cellInput", context("cellInput", 5));
        assertThat(feel.calls).isEqualTo(1);
        engine.evaluateSimpleUnaryTests("> 1000", "cellInput", context("cellInput", 5000));
        assertThat(feel.calls).isEqualTo(2);

        engine.evaluateSimpleUnaryTests("contains(?, \"cto\")", "cellInput", context("cellInput", "cto"));
        engine.evaluateSimpleUnaryTests("contains(?, \"cto\")", "cellInput", context("cellInput", "cto"));
        assertThat(feel.calls).as("a pure function's answer is kept").isEqualTo(3);

        // A name the cell reads is part of the key: another limit, another answer.
        engine.evaluateSimpleUnaryTests("> limit", "cellInput", context("cellInput", 5, "limit", 1));
        engine.evaluateSimpleUnaryTests("> limit", "cellInput", context("cellInput", 5, "limit", 10));
        assertThat(feel.calls).isEqualTo(5);

        engine.evaluateSimpleExpression("employees", context("employees", 30, "country", "de"));
        engine.evaluateSimpleExpression("employees", context("employees", 30, "country", "fr"));
        assertThat(feel.calls).as("only the variables the expression names make the key").isEqualTo(6);
    }

    @Test
    void whatCouldAnswerDifferentlyIsEvaluatedEveryTime() {
        CountingFeel feel = new CountingFeel();
        CachingFeelEngine engine = new CachingFeelEngine(feel);

        for (int i = 0; i < 2; i++) {
            engine.evaluateSimpleUnaryTests("< now()", "cellInput", context("cellInput", 5));
            engine.evaluateSimpleExpression("today()", context());
            engine.evaluateSimpleUnaryTests("> unknownName", "cellInput", context("cellInput", 5));
            engine.evaluateSimpleUnaryTests("> 3", "cellInput", context("cellInput", new ArrayList<>(List.of(1))));
            engine.evaluateSimpleExpression("lead.size", context("lead", Map.of("size", 3)));
        }
        assertThat(feel.calls).isEqualTo(10);
    }

    private static String answer(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
        try {
            return String.valueOf(engine.evaluateDecision(decision, inputs).getResultList());
        } catch (RuntimeException refused) {
            return refused.getClass().getSimpleName();
        }
    }

    /** For each input expression that is a name: the values its column's cells name, and some around them. */
    private static Map<String, List<Object>> candidates(DmnModelInstance model) {
        Map<String, List<Object>> candidates = new HashMap<>();
        for (Input input : model.getModelElementsByType(Input.class)) {
            String name = input.getInputExpression().getText().getTextContent().trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            String type = input.getInputExpression().getTypeRef();
            Set<Object> values = new LinkedHashSet<>();
            values.add(null);
            int column = input.getParentElement().getChildElementsByType(Input.class).stream().toList().indexOf(input);
            for (var rule : input.getParentElement().getChildElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)) {
                List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
                String cell = entries.get(column).getTextContent();
                Matcher string = STRING.matcher(cell);
                while (string.find()) {
                    values.add(string.group(1));
                }
                Matcher number = NUMBER.matcher(STRING.matcher(cell).replaceAll(""));
                while (number.find()) {
                    double n = Double.parseDouble(number.group());
                    for (double v : new double[]{n - 1, n, n + 1}) {
                        values.add(switch (type == null ? "" : type) {
                            case "integer" -> (int) v;
                            case "long" -> (long) v;
                            case "string" -> String.valueOf((long) v);
                            default -> v;
                        });
                    }
                }
            }
            if ("boolean".equals(type)) {
                values.add(true);
                values.add(false);
            } else if ("string".equals(type) || type == null) {
                values.add("something else");
            }
            candidates.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
        }
        return candidates;
    }

    private static VariableContext context(Object... namesAndValues) {
        var variables = Variables.createVariables();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.putValue((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables.asVariableContext();
    }

    private static final class CountingFeel implements FeelEngine {
        int calls;

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            calls++;
            return null;
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
            calls++;
            return true;
        }
    }
}
