package io.leadjourney.journey;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA timers tell the truth: each shows its duration in the model, and its label says the same duration on the
 * same clock ("2 working days" for {@code ${workingTime('P2D')}}, "30 days" for {@code P30D}). A task's due date in
 * Tasklist is its breach time.
 */
class SlaLabelsTest {

    private static final Pattern WORKING = Pattern.compile("\\$\\{workingTime\\('P(\\d+)D'\\)}");
    private static final Pattern WORKING_VARIABLE = Pattern.compile("\\$\\{workingTime\\((\\w+)\\)}");
    private static final Pattern CLOCK_DAYS = Pattern.compile("P(\\d+)D");

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/lead-journey.bpmn"));

    @Test
    void everyTimerLabelStatesItsDurationAndItsClock() {
        List<String> checked = new ArrayList<>();
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            CatchEvent event = (CatchEvent) timer.getParentElement();
            String expression = (timer.getTimeDate() != null ? timer.getTimeDate() : timer.getTimeDuration())
                    .getTextContent().trim();
            String label = event.getName();
            Matcher variable = WORKING_VARIABLE.matcher(expression);
            if (variable.matches()) {
                expression = "${workingTime('" + valueSetByTheModel(variable.group(1)) + "')}";
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

    /** The value an execution listener of the model gives a variable: {@code execution.setVariable('x', 'P10D')}. */
    private String valueSetByTheModel(String variable) {
        Matcher set = Pattern.compile("setVariable\\('" + variable + "', '([^']+)'\\)").matcher(
                Bpmn.convertToString(model));
        assertThat(set.find()).as("the model sets %s", variable).isTrue();
        return set.group(1);
    }
}
