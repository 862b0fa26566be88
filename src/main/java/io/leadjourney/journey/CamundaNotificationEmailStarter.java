package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.notification.NotificationEmailStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * One "E-mail a notification" instance per stored notification, started in the transaction that stored it (the
 * engine shares Spring's transaction). Cockpit finds it by its business key ({@code notification-<id>}) or by the
 * variables {@code leadId} and {@code recipient}.
 */
@Component
class CamundaNotificationEmailStarter implements NotificationEmailStarter {

    private final RuntimeService runtimeService;
    private final SystemAuthentication system;

    CamundaNotificationEmailStarter(RuntimeService runtimeService, SystemAuthentication system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @Override
    public void start(long notificationId, String recipient, Long leadId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NotificationEmail.VAR_NOTIFICATION_ID, notificationId);
        variables.put(NotificationEmail.VAR_RECIPIENT, recipient);
        variables.put(LeadJourney.VAR_LEAD_ID, leadId);
        system.run(() -> runtimeService.startProcessInstanceByKey(NotificationEmail.PROCESS_ID,
                NotificationEmail.BUSINESS_KEY_PREFIX + notificationId, variables));
    }
}
