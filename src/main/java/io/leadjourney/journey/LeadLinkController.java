package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The link in notification e-mails: {@code /go/leads/{id}} sends the reader to the lead's open task in Tasklist
 * (or to Tasklist when the lead has none). It reveals nothing but a task id; Tasklist's login and the engine's
 * authorizations decide what the reader sees.
 */
@RestController
class LeadLinkController {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final TaskService tasks;
    private final SystemAuthentication system;

    LeadLinkController(TaskService tasks, SystemAuthentication system) {
        this.tasks = tasks;
        this.system = system;
    }

    @GetMapping("/go/leads/{id}")
    ResponseEntity<Void> openTask(@PathVariable long id) {
        List<Task> open = system.call(() -> tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(id)).orderByTaskCreateTime().desc().listPage(0, 1));
        String target = open.isEmpty() ? TASKLIST : TASKLIST + "#/?task=" + open.get(0).getId();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
    }
}
