package io.leadjourney.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The element templates a process owner places from Camunda Modeler's palette
 * ({@code bpmn/.camunda/element-templates/}) and the processes that use them: every template names a delegate
 * bean that exists, and every custom service task of every BPMN in {@code bpmn/} is an applied template whose fixed values
 * (implementation, inputs, what it reads and writes) are the template's.
 */
class ElementTemplatesIT extends IntegrationTest {

    static final Path TEMPLATES = Path.of("bpmn", ".camunda", "element-templates", "lead-journey.json");
    static final Path MODELS = Path.of("bpmn");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

    @Autowired
    private ApplicationContext context;

    private final Map<String, JsonNode> templates = new HashMap<>();

    @BeforeEach
    void readTemplates() throws IOException {
        for (JsonNode template : json.readTree(TEMPLATES.toFile())) {
            String id = template.path("id").asText();
            assertThat(templates.put(id, template)).as("template id %s is unique", id).isNull();
        }
    }

    @Test
    void everyTemplateNamesADelegateBeanThatExists() {
        assertThat(templates).isNotEmpty();
        templates.forEach((id, template) -> {
            assertThat(template.path("name").asText()).as("%s has a name", id).isNotBlank();
            assertThat(template.path("version").asInt()).as("%s has a version", id).isPositive();
            assertThat(template.path("appliesTo").toString()).as("%s applies to service tasks", id)
                    .contains("bpmn:ServiceTask");
            String implementation = fixed(template, "property", "camunda:delegateExpression")
                    .orElseThrow(() -> new AssertionError(id + " fixes no camunda:delegateExpression"));
            Matcher bean = BEAN.matcher(implementation);
            assertThat(bean.matches()).as("%s: %s is ${beanName}", id, implementation).isTrue();
            assertThat(context.containsBean(bean.group(1))).as("%s: bean %s exists", id, bean.group(1)).isTrue();
            assertThat(context.getBean(bean.group(1))).as("%s: bean %s is a JavaDelegate", id, bean.group(1))
                    .isInstanceOf(JavaDelegate.class);
            assertThat(fixed(template, "camunda:property", "reads")).as("%s names what it reads", id).isPresent();
            assertThat(fixed(template, "camunda:property", "writes")).as("%s names what it writes", id).isPresent();
        });
    }

    @Test
    void everyCustomServiceTaskIsAnAppliedTemplate() throws IOException {
        Set<String> used = new HashSet<>();
        List<ServiceTask> tasks = new java.util.ArrayList<>();
        try (var models = java.nio.file.Files.list(MODELS)) {
            models.filter(model -> model.toString().endsWith(".bpmn")).forEach(model -> tasks.addAll(
                    Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ServiceTask.class)));
        }
        assertThat(tasks).hasSizeGreaterThan(1);
        for (ServiceTask task : tasks) {
            String id = task.getId();
            String templateId = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
            assertThat(templateId).as("%s (%s) references an element template", id, task.getName()).isNotNull();
            JsonNode template = templates.get(templateId);
            assertThat(template).as("%s: template %s exists", id, templateId).isNotNull();
            assertThat(task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"))
                    .as("%s: template version", id).isEqualTo(template.path("version").asText());
            used.add(templateId);

            for (JsonNode property : template.path("properties")) {
                if (!isFixed(property)) {
                    continue;
                }
                String type = property.path("binding").path("type").asText();
                String name = property.path("binding").path("name").asText();
                String expected = property.path("value").asText();
                assertThat(valueIn(task, type, name)).as("%s: %s %s as the template %s fixes it", id, type, name,
                        templateId).isEqualTo(expected);
            }
        }
        assertThat(used).as("every template is used by a process").containsExactlyInAnyOrderElementsOf(
                templates.keySet());
    }

    /** Hidden or read-only: the process owner cannot change it, so the model must hold exactly this value. */
    private static boolean isFixed(JsonNode property) {
        return "Hidden".equals(property.path("type").asText()) || !property.path("editable").asBoolean(true);
    }

    private static Optional<String> fixed(JsonNode template, String bindingType, String name) {
        return StreamSupport.stream(template.path("properties").spliterator(), false)
                .filter(ElementTemplatesIT::isFixed)
                .filter(p -> bindingType.equals(p.path("binding").path("type").asText())
                        && name.equals(p.path("binding").path("name").asText()))
                .map(p -> p.path("value").asText()).findFirst();
    }

    private static String valueIn(ServiceTask task, String bindingType, String name) {
        return switch (bindingType) {
            case "property" -> task.getAttributeValueNs(CAMUNDA_NS, name.substring(name.indexOf(':') + 1));
            case "camunda:inputParameter" -> task.getModelInstance().getModelElementsByType(
                            CamundaInputParameter.class).stream()
                    .filter(p -> isInside(p, task) && name.equals(p.getCamundaName()))
                    .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
            case "camunda:property" -> task.getModelInstance().getModelElementsByType(CamundaProperty.class)
                    .stream().filter(p -> isInside(p, task) && name.equals(p.getCamundaName()))
                    .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
            default -> throw new AssertionError("binding " + bindingType + " is not checked yet: add it here");
        };
    }

    private static boolean isInside(org.camunda.bpm.model.xml.instance.ModelElementInstance element,
                                    ServiceTask task) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == task) {
                return true;
            }
        }
        return false;
    }
}
