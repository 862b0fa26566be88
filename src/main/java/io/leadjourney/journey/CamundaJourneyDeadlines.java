package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.portal.JourneyDeadlines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link JourneyDeadlines} from the engine's runtime: the due dates of the journeys' open tasks, which are their SLA
 * deadlines (each task's due date is its breach time).
 */
@Component
class CamundaJourneyDeadlines implements JourneyDeadlines {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SystemAuthentication system;

    CamundaJourneyDeadlines(RuntimeService runtime, TaskService tasks, SystemAuthentication system) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.system = system;
    }

    @Override
    public Set<Long> dueBetween(Instant from, Instant to) {
        return system.call(() -> {
            Set<String> instances = tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                    .dueAfter(Date.from(from.minusMillis(1))).dueBefore(Date.from(to)).list().stream()
                    .map(Task::getProcessInstanceId).collect(Collectors.toSet());
            return Set.copyOf(leadsOf(instances).values());
        });
    }

    @Override
    public Map<Long, Instant> dueOf(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        String[] keys = leadIds.stream().map(String::valueOf).toArray(String[]::new);
        return system.call(() -> {
            List<Task> open = tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                    .processInstanceBusinessKeyIn(keys).list();
            Map<String, Long> leads = leadsOf(open.stream().map(Task::getProcessInstanceId)
                    .collect(Collectors.toSet()));
            Map<Long, Instant> due = new HashMap<>();
            for (Task task : open) {
                if (task.getDueDate() != null) {
                    due.merge(leads.get(task.getProcessInstanceId()), task.getDueDate().toInstant(),
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            return due;
        });
    }

    @Override
    public Optional<OpenTask> openTaskOf(long leadId) {
        return system.call(() -> tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(leadId)).orderByTaskCreateTime().desc().list().stream()
                .findFirst().map(task -> new OpenTask(task.getId(), task.getName(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
                        task.getProcessInstanceId())));
    }

    /** Each process instance's lead (its business key). */
    private Map<String, Long> leadsOf(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, instance -> Long.parseLong(instance.getBusinessKey())));
    }
}
