package io.leadjourney.engine;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a decision table's rules name in one input column, from the DMN model as Modeler saved it. */
public final class DecisionColumns {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DecisionColumns() {
    }

    /**
     * The string literals of the column whose input expression is {@code inputExpression}, in rule order; entries
     * that exclude values ({@code not("X")}) name none.
     */
    public static Set<String> namedValues(DmnModelInstance model, String decisionKey, String inputExpression) {
        if (!(model.getModelElementById(decisionKey) instanceof Decision decision)
                || !(decision.getExpression() instanceof DecisionTable table)) {
            throw new IllegalStateException("No decision table '" + decisionKey + "' in the model");
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        int column = -1;
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            if (input.getInputExpression() != null && input.getInputExpression().getText() != null
                    && inputExpression.equals(input.getInputExpression().getText().getTextContent().trim())) {
                column = i;
            }
        }
        if (column < 0) {
            throw new IllegalStateException("The table '" + decisionKey + "' has no input '" + inputExpression + "'");
        }
        Set<String> values = new LinkedHashSet<>();
        for (Rule rule : table.getRules()) {
            InputEntry entry = new ArrayList<>(rule.getInputEntries()).get(column);
            String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
            if (text.startsWith("not(")) {
                continue;
            }
            Matcher literal = STRING_LITERAL.matcher(text);
            while (literal.find()) {
                values.add(literal.group(1));
            }
        }
        return values;
    }
}
