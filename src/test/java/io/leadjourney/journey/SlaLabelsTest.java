package io.leadjourney.journey;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA timers tell the truth: each shows its duration in the model, and its label says the same duration on the
 * same clock ("2 working days" for {@code ${workingTime('P2D')}}, "30 days" for {@code P30D}); a duration a decision
 * table gives each lead is named by its table and clock. A task's due date in Tasklist is its breach time.
 */
class SlaLabelsTest {

    private static final Pattern WORKING = Pattern.compile("\\$\\{workingTime\\('P(\\d+)D'\\)}");
    private static final Pattern WORKING_VARIABLE = Pattern.compile("\\$\\{workingTime\\((\\w+)\\)}");
    private static final Pattern CLOCK_DAYS = Pattern.compile("P(\\d+)D");

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/lead-journey.bpmn"));

    @Test
    void everyTimerLabelStatesItsDurationAndItsClock() throws IOException {
        List<String> checked = new ArrayList<>();
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            CatchEvent event = (CatchEvent) timer.getParentElement();
            String expression = (timer.getTimeDate() != null ? timer.getTimeDate() : timer.getTimeDuration())
                    .getTextContent().trim();
            String label = event.getName();
            Matcher variable = WORKING_VARIABLE.matcher(expression);
            if (variable.matches()) {
                // A duration a decision table gives each lead: the label names the table and the clock.
                String table = tableDeciding(variable.group(1));
                assertThat(label).as("label of %s (%s)", event.getId(), expression).contains("working days")
                        .contains(table + ".dmn");
                checked.add(event.getId() + ": " + label);
                continue;
            }
            Matcher working = WORKING.matcher(expression);
            Matcher clock = CLOCK_DAYS.matcher(expression);
            if (working.matches()) {
                int days = Integer.parseInt(working.group(1));
                assertThat(label).as("label of %s (%s)", event.getId(), expression)
                        .startsWith(days + (days == 1 ? " working day " : " working days "));
            } else if (clock.matches()) {
                assertThat(label).as("label of %s (%s)", event.getId(), expression)
                        .startsWith(clock.group(1) + " days ").doesNotContain("working");
            } else {
                throw new AssertionError(event.getId() + " has a duration this test cannot read: " + expression);
            }
            checked.add(event.getId() + ": " + label);
        }
        assertThat(checked).hasSize(6);
    }

    @Test
    void aTasksDueDateIsItsBreachTime() {
        for (String task : List.of(LeadJourney.TASK_ACCEPT_LEAD, LeadJourney.TASK_FIRST_CONTACT)) {
            UserTask userTask = model.getModelElementById(task);
            BoundaryEvent breach = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(event -> event.getAttachedTo().getId().equals(task))
                    .filter(event -> event.getId().endsWith("Escalation") || event.getId().endsWith("Breach"))
                    .findFirst().orElseThrow();
            TimerEventDefinition timer = (TimerEventDefinition) breach.getEventDefinitions().iterator().next();
            assertThat(userTask.getCamundaDueDate()).as("due date of %s", task)
                    .isEqualTo(timer.getTimeDate().getTextContent().trim());
        }
    }

    /**
     * The table in {@code bpmn/} with an output of that name, each of whose values is a whole number of days
     * ({@code "P10D"}), counted as working days by {@code workingTime}.
     */
    private static String tableDeciding(String variable) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".dmn")).sorted().toList()) {
                DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
                for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
                    List<Output> outputs = new ArrayList<>(table.getOutputs());
                    for (int column = 0; column < outputs.size(); column++) {
                        if (!variable.equals(outputs.get(column).getName())) {
                            continue;
                        }
                        for (Rule rule : table.getRules()) {
                            String value = new ArrayList<>(rule.getOutputEntries()).get(column).getTextContent().trim();
                            assertThat(value).as("%s in %s", variable, file).matches("\"P\\d+D\"");
                        }
                        String name = file.getFileName().toString();
                        return name.substring(0, name.length() - ".dmn".length());
                    }
                }
            }
        }
        throw new AssertionError("No table in bpmn/ decides " + variable);
    }
}
