package io.leadjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.engine.SystemAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guards what a user sends with a task, on both roads into the engine over HTTP: {@code /engine-rest} and the
 * webapps' own REST API, which Tasklist uses. A completion (complete, submit-form, resolve, BPMN error or escalation)
 * may carry only the fields of the task's form ({@link TaskForms}), each with a value the task takes
 * ({@link TaskInputRules}). Anything else is answered with a 400 problem naming the field, before the engine sees
 * it, so nothing changes. Writing a task's variables outside a completion is the engine's to refuse: users get
 * {@code TASK_WORK} on their tasks, not {@code UPDATE} ({@code default-user-permission-name-for-task}).
 */
class TaskInputFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskInputFilter.class);
    static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};
    private static final Pattern COMPLETION = Pattern.compile(
            "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve|bpmnError"
                    + "|bpmnEscalation)");
    /** Completions are small; a larger body is no completion the forms send. */
    private static final int MAX_BODY = 1 << 20;
    private static final String ENGINE = "default";
    /** What engine-rest reads from a completion, a form submission, a resolution, a BPMN error or escalation. */
    private static final Set<String> BODY_MEMBERS = Set.of("variables", "withVariablesInReturn", "errorCode",
            "errorMessage", "escalationCode");

    private final TaskService tasks;
    private final TaskForms forms;
    private final TaskInputRules rules;
    private final SystemAuthentication system;
    private final ObjectMapper json;

    TaskInputFilter(TaskService tasks, TaskForms forms, TaskInputRules rules, SystemAuthentication system,
                    ObjectMapper json) {
        this.tasks = tasks;
        this.forms = forms;
        this.rules = rules;
        this.system = system;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher completion = COMPLETION.matcher(path(request));
        if (!"POST".equals(request.getMethod()) || !completion.matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, 413, "Request too large", "A task completion is at most " + MAX_BODY + " bytes", null);
            return;
        }
        Authentication caller = caller(request);
        Map<String, Object> input;
        try {
            input = completion(body.length == 0 ? json.createObjectNode() : json.readTree(body));
        } catch (JsonProcessingException e) {
            problem(response, 400, "Invalid request", "The body is not JSON: " + e.getOriginalMessage(), null);
            return;
        } catch (InvalidTaskInputException e) {
            problem(response, 400, "Invalid request", e.getMessage(), e.getField());
            return;
        }
        Supplier<Task> lookup = () -> tasks.createTaskQuery().taskId(completion.group(1)).initializeFormKeys()
                .singleResult();
        // Nobody logged in yet: checked all the same (fail closed), and the engine's authentication answers after.
        Task task = caller == null ? system.call(lookup) : system.asUser(caller, lookup);
        if (task != null && !checked(task, input, caller == null ? "nobody" : caller.getUserId(), response)) {
            return;
        }
        // A task that does not exist or that the caller may not see: the engine answers as always.
        chain.doFilter(new CachedBody(request, body), response);
    }

    /**
     * Who calls: engine-rest's authentication filter has set it on the engine before this filter; the webapps keep
     * it in the HTTP session and check it after this filter.
     */
    private Authentication caller(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            return system.current() != null ? system.current() : basicUser(request);
        }
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        var user = webapp == null ? null : webapp.getAuthenticationForProcessEngine(ENGINE);
        return user instanceof UserAuthentication logged && logged.getName() != null
                ? new Authentication(logged.getName(), logged.getGroupIds() == null ? List.of()
                : List.copyOf(logged.getGroupIds()))
                : null;
    }

    /**
     * The user of engine-rest's HTTP Basic header, whose password engine-rest's authentication filter has checked
     * before this filter, with the user's groups.
     */
    private Authentication basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = credentials.indexOf(':');
        return colon <= 0 ? null : system.authenticationOf(credentials.substring(0, colon));
    }

    private boolean checked(Task task, Map<String, Object> input, String user, HttpServletResponse response)
            throws IOException {
        Set<String> fields = forms.inputFieldsOf(task);
        for (String name : input.keySet()) {
            if (!fields.contains(name)) {
                log.warn("Refused completion of task {} ({}) by {}: '{}' is not a field of its form", task.getId(),
                        task.getTaskDefinitionKey(), user, name);
                problem(response, 400, "Invalid task input", "'" + name + "' is not a field of the form of '"
                        + task.getName() + "'; it takes " + (fields.isEmpty() ? "no input" : fields), name);
                return false;
            }
        }
        try {
            rules.check(task.getTaskDefinitionKey(), input::get);
        } catch (InvalidTaskInputException e) {
            problem(response, 400, "Invalid task input", e.getMessage(), e.getField());
            return false;
        }
        return true;
    }

    /**
     * The submitted variables of a completion body as the engine will store them ({@code {"variables": {"name":
     * {"value": v, "type": t}}}}), refusing members the engine's completion does not have.
     */
    private static Map<String, Object> completion(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidTaskInputException("variables", "must be sent in a JSON object: {\"variables\": {...}}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!BODY_MEMBERS.contains(name)) {
                throw new InvalidTaskInputException(name, "is not part of a task completion; it has "
                        + BODY_MEMBERS.stream().sorted().toList());
            }
        }
        JsonNode variables = body.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            throw new InvalidTaskInputException("variables", "must be an object of variables");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            values.put(variable.getKey(), value(variable.getValue()));
        }
        return values;
    }

    private static Object value(JsonNode variable) {
        JsonNode value = variable.path("value");
        String type = variable.path("type").asText("");
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if ("boolean".equalsIgnoreCase(type) && value.isTextual()
                && Set.of("true", "false").contains(value.asText().toLowerCase())) {
            return Boolean.valueOf(value.asText());
        }
        if ("string".equalsIgnoreCase(type) && !value.isContainerNode()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The path as the servlet container resolved it (decoded, dot segments and path parameters gone). */
    private static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.replaceAll("/{2,}", "/").replaceAll("/$", "");
    }

    private void problem(HttpServletResponse response, int status, String title, String detail, String field)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        // Tasklist shows a failed completion's "message".
        problem.put("message", detail);
        if (field != null) {
            Map<String, String> error = new HashMap<>();
            error.put("field", field);
            error.put("message", detail);
            problem.put("errors", List.of(error));
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body read once and served again to the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
