package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.funnel.OpenWork;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link OpenWork} from the engine's runtime tables: running journeys and their open tasks. A lead whose journey
 * is between two tasks (an asynchronous step) has no task at that moment and is left out.
 */
@Component
class CamundaOpenWork implements OpenWork {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SystemAuthentication system;

    CamundaOpenWork(RuntimeService runtime, TaskService tasks, SystemAuthentication system) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.system = system;
    }

    @Override
    public Map<Long, Waiting> waitingOf(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        String[] keys = leadIds.stream().map(String::valueOf).toArray(String[]::new);
        return system.call(() -> {
            Map<String, Task> taskByInstance = new HashMap<>();
            tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID).processInstanceBusinessKeyIn(keys)
                    .list().forEach(task -> taskByInstance.putIfAbsent(task.getProcessInstanceId(), task));
            Map<Long, Waiting> waiting = new HashMap<>();
            if (taskByInstance.isEmpty()) {
                return waiting;
            }
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processInstanceIds(taskByInstance.keySet()).list()) {
                Task task = taskByInstance.get(instance.getId());
                waiting.put(Long.parseLong(instance.getBusinessKey()), new Waiting(instance.getId(),
                        task == null ? null : task.getId(), task == null ? null : task.getName()));
            }
            return waiting;
        });
    }

    @Override
    public long overdueTasks() {
        return system.call(() -> tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                .dueBefore(new Date()).count());
    }
}
