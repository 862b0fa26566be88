package io.leadjourney.journey;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On task creation: refreshes the lead's context so the form shows the lead as it is now. */
@Component
class LeadContextListener implements TaskListener {

    private final LeadFormContext context;

    LeadContextListener(LeadFormContext context) {
        this.context = context;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariables(context.of(JourneyVariables.leadId(task)));
    }
}
