package io.leadjourney.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.engine.SystemAuthentication;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields a user task takes: the keys of its deployed Camunda Form that the user can edit. Disabled and read-only
 * fields show the lead; they are not input. A task without a form takes nothing. Read from the form deployed with
 * the task's process version, so a process owner who adds a field to a form in Modeler widens the list with the
 * deployment, and no list is kept in Java.
 */
@Component
class TaskForms {

    private final FormService forms;
    private final SystemAuthentication system;
    private final ObjectMapper json;
    /** By process definition and task: a deployed version never changes. */
    private final Map<String, Set<String>> fieldsByTask = new ConcurrentHashMap<>();

    TaskForms(FormService forms, SystemAuthentication system, ObjectMapper json) {
        this.forms = forms;
        this.system = system;
        this.json = json;
    }

    Set<String> inputFieldsOf(Task task) {
        return fieldsByTask.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                key -> system.call(() -> read(task)));
    }

    private Set<String> read(Task task) {
        if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
            return Set.of();
        }
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            Set<String> fields = new TreeSet<>();
            collect(json.readTree(form), fields);
            return Set.copyOf(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("The form of task " + task.getTaskDefinitionKey() + " cannot be read", e);
        }
    }

    private static void collect(JsonNode component, Set<String> fields) {
        for (JsonNode child : component.path("components")) {
            boolean input = child.hasNonNull("key") && !child.path("disabled").asBoolean(false)
                    && !child.path("readonly").asBoolean(false);
            if (input) {
                fields.add(child.get("key").asText());
            }
            collect(child, fields);
        }
    }
}
