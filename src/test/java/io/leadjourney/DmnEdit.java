package io.leadjourney;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a process owner does in Modeler, for tests: a shipped table with a new input column (every rule "-" in it)
 * and one rule on that column, first or last.
 */
public final class DmnEdit {

    private DmnEdit() {
    }

    /** The table as shipped ({@code bpmn/<key>.dmn}). */
    public static String shipped(String key) throws IOException {
        try (InputStream in = DmnEdit.class.getResourceAsStream("/" + key + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * @param column  the input expression, such as {@code crmSystem}
     * @param entry   the new rule's entry in that column, such as {@code "salesforce"}
     * @param first   the new rule goes before the others (for a FIRST table), else after them
     * @param outputs the new rule's output entries, in the table's order
     */
    public static String withColumnAndRule(String dmn, String column, String typeRef, String description,
                                           String entry, boolean first, String... outputs) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(
                StandardCharsets.UTF_8)));
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        Input input = model.newInstance(Input.class);
        input.setId("Input_" + column);
        input.setLabel(column);
        InputExpression expression = model.newInstance(InputExpression.class);
        expression.setId("InputExpression_" + column);
        expression.setTypeRef(typeRef);
        expression.setText(text(model, column));
        input.setInputExpression(expression);
        table.getInputs().add(input);
        List<Rule> rules = new ArrayList<>(table.getRules());
        for (Rule rule : rules) {
            rule.getInputEntries().add(inputEntry(model, "InputEntry_" + column + "_" + rule.getId(), "-"));
        }
        Rule added = model.newInstance(Rule.class);
        added.setId("Rule_" + column);
        Description said = model.newInstance(Description.class);
        said.setTextContent(description);
        added.setDescription(said);
        int columns = table.getInputs().size();
        for (int i = 0; i < columns; i++) {
            added.getInputEntries().add(inputEntry(model, "InputEntry_" + column + "_new_" + i,
                    i == columns - 1 ? entry : "-"));
        }
        for (int i = 0; i < outputs.length; i++) {
            OutputEntry output = model.newInstance(OutputEntry.class);
            output.setId("OutputEntry_" + column + "_new_" + i);
            output.setText(text(model, outputs[i]));
            added.getOutputEntries().add(output);
        }
        if (first) {
            rules.forEach(rule -> table.getRules().remove(rule));
            table.getRules().add(added);
            rules.forEach(rule -> table.getRules().add(rule));
        } else {
            table.getRules().add(added);
        }
        // The model API names FEEL on the definitions; Modeler leaves it out, and so do we.
        return Dmn.convertToString(model).replaceFirst(" expressionLanguage=\"[^\"]*\"", "");
    }

    /**
     * The table with one more rule before the others (for a FIRST table), on its existing columns, such as a
     * holiday in {@code working-calendar}. {@code decisionKey} picks the table when the file has several decisions.
     *
     * @param inputs  the rule's input entries, one per column ({@code -} for any)
     * @param outputs the rule's output entries, one per output ({@code ""} for none)
     */
    public static String withFirstRule(String dmn, String decisionKey, String description, List<String> inputs,
                                       String... outputs) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(
                StandardCharsets.UTF_8)));
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).stream()
                .filter(candidate -> decisionKey.equals(((Decision) candidate.getParentElement()).getId()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No table " + decisionKey));
        if (inputs.size() != table.getInputs().size() || outputs.length != table.getOutputs().size()) {
            throw new IllegalArgumentException(decisionKey + " has " + table.getInputs().size() + " inputs and "
                    + table.getOutputs().size() + " outputs");
        }
        Rule added = model.newInstance(Rule.class);
        added.setId("Rule_added_" + Integer.toHexString(description.hashCode()));
        Description said = model.newInstance(Description.class);
        said.setTextContent(description);
        added.setDescription(said);
        for (int i = 0; i < inputs.size(); i++) {
            added.getInputEntries().add(inputEntry(model, added.getId() + "_in_" + i, inputs.get(i)));
        }
        for (int i = 0; i < outputs.length; i++) {
            OutputEntry output = model.newInstance(OutputEntry.class);
            output.setId(added.getId() + "_out_" + i);
            output.setText(text(model, outputs[i]));
            added.getOutputEntries().add(output);
        }
        List<Rule> rules = new ArrayList<>(table.getRules());
        rules.forEach(rule -> table.getRules().remove(rule));
        table.getRules().add(added);
        rules.forEach(rule -> table.getRules().add(rule));
        return Dmn.convertToString(model).replaceFirst(" expressionLanguage=\"[^\"]*\"", "");
    }

    private static InputEntry inputEntry(DmnModelInstance model, String id, String value) {
        InputEntry entry = model.newInstance(InputEntry.class);
        entry.setId(id);
        entry.setText(text(model, value));
        return entry;
    }

    private static Text text(DmnModelInstance model, String value) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(value);
        return text;
    }
}
