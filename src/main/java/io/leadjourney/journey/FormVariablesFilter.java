package io.leadjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.LeadNotFoundException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A journey task's form shows the lead as it is when the rep opens it.
 * <p>
 * Tasklist fills a Camunda Form from {@code GET .../task/{id}/form-variables}. The lead's context (who, company,
 * size, role, source, contact details, score and its receipt, recent activity: {@link LeadFormContext}) is not
 * stored on the journey, which keeps only what the process decides on; this filter lets the engine answer as always
 * (its authorization decides who reads the task) and then puts the lead's current values into the answer, over the
 * journey's variables of the same name (a score set by "Score lead" that has risen since) and beside them, as many
 * as the request's {@code variableNames} asks for. The engine's variables are not written: a form being opened
 * never races a rep completing a task or the job executor.
 */
class FormVariablesFilter extends OncePerRequestFilter {

    static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};
    private static final Pattern FORM_VARIABLES = Pattern.compile(
            "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final LeadFormContext context;
    private final SystemAuthentication system;
    private final ObjectMapper json;

    FormVariablesFilter(TaskService tasks, RuntimeService runtime, LeadFormContext context,
                        SystemAuthentication system, ObjectMapper json) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.context = context;
        this.system = system;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !FORM_VARIABLES.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                .matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = FORM_VARIABLES.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (!path.matches() || answer.getStatus() != HttpServletResponse.SC_OK) {
            answer.copyBodyToResponse();
            return;
        }
        byte[] current = withCurrentValues(path.group(1), asked(request), answer.getContentAsByteArray());
        answer.resetBuffer();
        answer.getOutputStream().write(current);
        answer.copyBodyToResponse();
    }

    /** The engine's answer with the lead's current values, or the answer as it was for a task of no lead. */
    private byte[] withCurrentValues(String taskId, Set<String> asked, byte[] engineAnswer) throws IOException {
        JsonNode variables;
        try {
            variables = json.readTree(engineAnswer);
        } catch (JsonProcessingException notJson) {
            return engineAnswer;
        }
        Long leadId = system.call(() -> leadOf(taskId));
        if (leadId == null || !(variables instanceof ObjectNode answer)) {
            return engineAnswer;
        }
        Map<String, Object> now;
        try {
            now = context.of(leadId);
        } catch (LeadNotFoundException erased) {
            return engineAnswer;
        }
        if (answer.get(LeadJourney.VAR_ACTIVE_REPS) instanceof ObjectNode reps) {
            // A rep who left or came back since the Reassign task was created.
            reps.put("value", context.activeReps());
        }
        now.forEach((name, value) -> {
            if (answer.get(name) instanceof ObjectNode variable) {
                variable.set("value", json.valueToTree(value));
                if (value != null) {
                    variable.put("type", typeOf(value));
                }
            } else if (!answer.has(name) && (asked == null || asked.contains(name))) {
                ObjectNode variable = answer.putObject(name);
                variable.put("type", typeOf(value));
                variable.set("value", json.valueToTree(value));
                variable.putObject("valueInfo");
            }
        });
        return json.writeValueAsBytes(answer);
    }

    /** The names in {@code variableNames} (engine-rest's comma-separated list), or null for all. */
    private static Set<String> asked(HttpServletRequest request) {
        String names = request.getParameter("variableNames");
        if (names == null || names.isBlank()) {
            return null;
        }
        return Arrays.stream(names.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private Long leadOf(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return null;
        }
        ProcessInstance journey = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (journey == null || !journey.getProcessDefinitionId().startsWith(LeadJourney.PROCESS_ID + ":")
                || journey.getBusinessKey() == null || !journey.getBusinessKey().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(journey.getBusinessKey());
    }

    /** The engine's name of the value's type, as engine-rest writes it. */
    private static String typeOf(Object value) {
        if (value == null) {
            return "Null";
        }
        if (value instanceof Integer) {
            return "Integer";
        }
        if (value instanceof Long) {
            return "Long";
        }
        if (value instanceof Double) {
            return "Double";
        }
        return value instanceof Boolean ? "Boolean" : "String";
    }
}
