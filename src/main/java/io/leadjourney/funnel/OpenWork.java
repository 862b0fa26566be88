package io.leadjourney.funnel;

import java.util.Collection;
import java.util.Map;

/** Where open leads wait in the running journeys (the engine's runtime, never its history). */
public interface OpenWork {

    /** The running journey and open task of each lead that has them. */
    Map<Long, Waiting> waitingOf(Collection<Long> leadIds);

    /** Open journey tasks past their due date (their SLA deadline). */
    long overdueTasks();

    /** @param taskId the open task, or null while the journey is between tasks */
    record Waiting(String processInstanceId, String taskId, String activity) {
    }
}
