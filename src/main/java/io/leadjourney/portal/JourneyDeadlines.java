package io.leadjourney.portal;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The due times of the leads' open journey tasks (their SLA deadlines), from the engine's runtime. */
public interface JourneyDeadlines {

    /** The leads whose open journey task falls due in [{@code from}, {@code to}). */
    Set<Long> dueBetween(Instant from, Instant to);

    /** The due time of each lead's open journey task, for the leads that have one with a due date. */
    Map<Long, Instant> dueOf(Collection<Long> leadIds);

    /** The task the lead's running journey waits at, if any. */
    Optional<OpenTask> openTaskOf(long leadId);

    /**
     * @param due      its SLA deadline, or null
     * @param assignee the rep who has it, or null while it waits for a group (a manager's task)
     */
    record OpenTask(String id, String name, Instant due, String assignee, String processInstanceId) {
    }
}
