package io.leadjourney.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a deployment may hold: the shipped models pass, anything that could run code does not. */
class ModelSafetyTest {

    @Test
    void theShippedModelsAndFormsPass() throws IOException {
        List<Path> models;
        try (Stream<Path> bpmn = Files.list(Path.of("bpmn")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            models = Stream.concat(bpmn, forms).filter(path -> path.toString().matches(".*\\.(bpmn|dmn|form)"))
                    .toList();
        }
        assertThat(models).hasSizeGreaterThan(10);
        for (Path model : models) {
            assertThat(ModelSafety.check(model.getFileName().toString(), Files.readAllBytes(model)))
                    .as("%s", model).isEmpty();
        }
    }

    @Test
    void expressionsInsideTheAllowList() {
        for (String body : List.of("assignedRep", "scoreLeadDelegate", "acceptDecision == 'ACCEPT'",
                "rejectReason == 'NEEDS_NURTURING' || rejectReason == 'NOT_NOW'", "(a || b) && !c", "score > 10",
                "execution.setVariable('nurtureReason', rejectReason)", "now()", "currentUser()",
                "dateTime().plusDays", "empty (x)", "a ? 'b' : \"c\"", "execution.getVariable('leadId') + 1",
                "'text with (parentheses) and getClass'")) {
            assertThat(ModelSafety.problemOf(body)).as(body).isNull();
        }
    }

    @Test
    void expressionsOutsideTheAllowList() {
        for (String body : List.of("''.getClass().forName('java.lang.Runtime')", "x.class.classLoader",
                "execution.getProcessEngineServices().getRuntimeService()", "execution.processEngineServices",
                "leadRepository.deleteAll()", "execution['processEngine']", "Runtime.getRuntime().exec('x')",
                "fn:exec('x')", "a; b", "x = 1", "y -> y")) {
            assertThat(ModelSafety.problemOf(body)).as(body).isNotNull();
        }
    }

    @Test
    void scriptsClassesAndForeignResourcesAreRefused() {
        assertThat(bpmn("<scriptTask id=\"S\" scriptFormat=\"groovy\"><script>1</script></scriptTask>"))
                .anyMatch(finding -> finding.contains("script tasks are not allowed"));
        assertThat(bpmn("<serviceTask id=\"S\" camunda:class=\"java.lang.Thread\"/>"))
                .anyMatch(finding -> finding.contains("'java.lang.Thread' is not Lead Journey's"));
        assertThat(bpmn("<serviceTask id=\"S\" camunda:class=\"io.leadjourney.journey.ScoreLeadDelegate\"/>"))
                .isEmpty();
        assertThat(bpmn("<userTask id=\"S\"><extensionElements><camunda:taskListener event=\"create\" "
                + "class=\"org.example.Evil\"/></extensionElements></userTask>"))
                .anyMatch(finding -> finding.contains("'org.example.Evil'"));
        assertThat(bpmn("<userTask id=\"S\"><extensionElements><camunda:inputOutput><camunda:inputParameter "
                + "name=\"x\"><camunda:script scriptFormat=\"javascript\" resource=\"deployment://x.js\"/>"
                + "</camunda:inputParameter></camunda:inputOutput></extensionElements></userTask>"))
                .anyMatch(finding -> finding.contains("scripts are not allowed"));
        assertThat(bpmn("<sequenceFlow id=\"F\" sourceRef=\"Start\" targetRef=\"Start\"><conditionExpression "
                + "language=\"javascript\">true</conditionExpression></sequenceFlow>"))
                .anyMatch(finding -> finding.contains("script conditions are not allowed"));
        assertThat(bpmn("<userTask id=\"S\" camunda:formKey=\"embedded:deployment:x.html\"/>"))
                .anyMatch(finding -> finding.contains("embedded forms"));
        assertThat(bpmn("<userTask id=\"S\"><documentation>Write ${x.getClass()} in prose</documentation>"
                + "</userTask>")).as("documentation is prose").isEmpty();
        assertThat(ModelSafety.check("form.html", "<script/>".getBytes(StandardCharsets.UTF_8))).hasSize(1);
        assertThat(ModelSafety.check("Evil.class", new byte[]{1})).hasSize(1);
        assertThat(ModelSafety.check("x.bpmn", "<definitions".getBytes(StandardCharsets.UTF_8)))
                .anyMatch(finding -> finding.contains("not well-formed"));
    }

    @Test
    void decisionsUseFeelWithoutJava() {
        assertThat(dmn("<decisionTable><input id=\"i\"><inputExpression typeRef=\"string\"><text>source</text>"
                + "</inputExpression></input></decisionTable>")).isEmpty();
        assertThat(dmn("<literalExpression expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\">"
                + "<text>1</text></literalExpression>")).as("FEEL by its DMN 1.3 name, as the model API writes it")
                .isEmpty();
        assertThat(dmn("<literalExpression expressionLanguage=\"javascript\"><text>1</text></literalExpression>"))
                .anyMatch(finding -> finding.contains("expression language 'javascript'"));
        assertThat(dmn("<literalExpression><text>function(x) external {java: {class: \"java.lang.Runtime\","
                + " method signature: \"getRuntime()\"}}</text></literalExpression>"))
                .anyMatch(finding -> finding.contains("FEEL external functions"));
    }

    private static List<String> bpmn(String elements) {
        String xml = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"x\"><process id=\"p\">"
                + "<startEvent id=\"Start\"/>" + elements + "</process></definitions>";
        return ModelSafety.check("test.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> dmn(String body) {
        String xml = "<?xml version=\"1.0\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
                + "id=\"d\" name=\"d\" namespace=\"x\"><decision id=\"t\" name=\"t\">" + body
                + "</decision></definitions>";
        return ModelSafety.check("test.dmn", xml.getBytes(StandardCharsets.UTF_8));
    }
}
