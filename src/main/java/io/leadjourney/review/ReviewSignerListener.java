package io.leadjourney.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** On completion of a side's sign-off task: who decided, the user completing it (or the task's assignee). */
@Component
class ReviewSignerListener implements TaskListener {

    private final IdentityService identity;

    ReviewSignerListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication user = identity.getCurrentAuthentication();
        String signer = user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
        task.getExecution().setVariable(DefinitionReviewProcess.TASK_MARKETING_SIGNS.equals(
                task.getTaskDefinitionKey()) ? DefinitionReviewProcess.VAR_MARKETING_SIGNER
                : DefinitionReviewProcess.VAR_SALES_SIGNER, signer == null ? "unknown" : signer);
    }
}
