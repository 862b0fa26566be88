package io.leadjourney.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FEEL engine, remembering what a cell of a decision table answered for the values it read.
 * <p>
 * The Scala FEEL engine builds its table of built-in functions again for every cell it evaluates: a lead's scoring
 * evaluates a few hundred cells, and in {@code IntakeBenchmark}'s profile that was about a tenth of the
 * application's CPU. A cell such as {@code > 1000}, {@code "saas","software"}, {@code contains(?, "cto")} or an
 * input expression such as {@code employees} answers the same for the same values, so its answer is kept, keyed by
 * the expression and the values it reads: the column's input and every variable the expression names. A cell is
 * evaluated by FEEL every time when it could depend on anything else: a name that is not one of the decision's
 * variables (nor a FEEL keyword or a function called), a call of {@code now()} or {@code today()}, or a value
 * that is not a plain string, number or boolean. Answers that are not such plain values are not kept either.
 */
final class CachingFeelEngine implements FeelEngine {

    static final int MAX_CACHED = 100_000;

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("not", "null", "true", "false", "and", "or", "in",
            "between", "instance", "of", "if", "then", "else");
    private static final Set<String> CLOCK_FUNCTIONS = Set.of("now", "today");

    private final FeelEngine feel;
    private final Cache<Key, Answer> answers = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    /** What each expression reads, worked out once: the tables' cells are few, their evaluations many. */
    private final Cache<String, Names> namesOf = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

    private record Key(boolean unaryTests, String expression, List<Object> values) {
    }

    /** An answer, null included (Caffeine keeps no null values). */
    private record Answer(Object value) {
    }

    CachingFeelEngine(FeelEngine feel) {
        this.feel = feel;
    }

    /** The factory the DMN engine takes: each engine it makes caches in front of one that {@code feel} makes. */
    static FeelEngineFactory around(FeelEngineFactory feel) {
        return () -> new CachingFeelEngine(feel.createInstance());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
        Key key = key(false, expression, null, context);
        if (key == null) {
            return feel.evaluateSimpleExpression(expression, context);
        }
        Answer known = answers.getIfPresent(key);
        if (known != null) {
            return (T) known.value();
        }
        T answer = feel.evaluateSimpleExpression(expression, context);
        if (isPlain(answer)) {
            answers.put(key, new Answer(answer));
        }
        return answer;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
        Key key = key(true, expression, inputVariable, context);
        if (key == null) {
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        }
        Answer known = answers.getIfPresent(key);
        if (known != null) {
            return (Boolean) known.value();
        }
        boolean answer = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        answers.put(key, new Answer(answer));
        return answer;
    }

    /** The key of the expression's answer for these values, or null when the answer may depend on more. */
    private Key key(boolean unaryTests, String expression, String inputVariable, VariableContext context) {
        Names names = namesOf.get(expression, CachingFeelEngine::names);
        if (names.clock()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        if (inputVariable != null) {
            Object input = valueOf(context, inputVariable);
            if (!isPlain(input)) {
                return null;
            }
            values.add(input);
        }
        for (String name : names.read()) {
            if (context.containsVariable(name)) {
                Object value = valueOf(context, name);
                if (!isPlain(value)) {
                    return null;
                }
                values.add(name);
                values.add(value);
            } else if (!KEYWORDS.contains(name)) {
                return null;
            }
        }
        return new Key(unaryTests, expression, Arrays.asList(values.toArray()));
    }

    /** The names an expression reads (not those it calls), and whether it calls the clock. */
    private record Names(List<String> read, boolean clock) {
    }

    private static Names names(String expression) {
        String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
        Matcher name = NAME.matcher(code);
        List<String> read = new ArrayList<>();
        boolean clock = false;
        while (name.find()) {
            String word = name.group();
            if (code.substring(name.end()).stripLeading().startsWith("(")) {
                clock |= CLOCK_FUNCTIONS.contains(word);
            } else {
                read.add(word);
            }
        }
        return new Names(List.copyOf(read), clock);
    }

    private static Object valueOf(VariableContext context, String name) {
        TypedValue value = context.resolve(name);
        return value == null ? null : value.getValue();
    }

    private static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Short
                || value instanceof java.math.BigDecimal;
    }
}
