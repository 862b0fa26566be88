package io.leadjourney.journey;

import io.leadjourney.notification.NotificationMailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "E-mail notification": sends the stored notification; a failure is retried by the job. */
@Component
class EmailNotificationDelegate implements JavaDelegate {

    private final NotificationMailer mailer;

    EmailNotificationDelegate(NotificationMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.send(Long.parseLong(JourneyVariables.requiredString(execution, NotificationEmail.VAR_NOTIFICATION_ID)));
    }
}
