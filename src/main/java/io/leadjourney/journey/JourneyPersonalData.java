package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.PersonalData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The lead's journeys hold its name, company and e-mail in variables, and breach incidents name it: a running
 * journey ends ("personal data erased"), and the history of every journey of the lead is deleted (variables,
 * their updates, tasks, incidents, job logs, operation logs). E-mails about the lead not sent yet are not sent: their
 * "E-mail a notification" instances go, with their history.
 */
@Component
class JourneyPersonalData implements PersonalData {

    static final String REASON = "personal data erased";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final SystemAuthentication system;

    JourneyPersonalData(RuntimeService runtime, HistoryService history, SystemAuthentication system) {
        this.runtime = runtime;
        this.history = history;
        this.system = system;
    }

    @Override
    public void erase(long leadId, String email) {
        String key = String.valueOf(leadId);
        system.run(() -> {
            for (ProcessInstance running : runtime.createProcessInstanceQuery()
                    .processDefinitionKey(LeadJourney.PROCESS_ID).processInstanceBusinessKey(key).list()) {
                runtime.deleteProcessInstance(running.getId(), REASON, true, true);
            }
            for (ProcessInstance unsent : runtime.createProcessInstanceQuery()
                    .processDefinitionKey(NotificationEmail.PROCESS_ID)
                    .variableValueEquals(LeadJourney.VAR_LEAD_ID, leadId).list()) {
                runtime.deleteProcessInstance(unsent.getId(), REASON, true, true);
            }
            List<String> finished = new ArrayList<>(history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(LeadJourney.PROCESS_ID).processInstanceBusinessKey(key).list().stream()
                    .map(HistoricProcessInstance::getId).toList());
            history.createHistoricVariableInstanceQuery().variableName(LeadJourney.VAR_LEAD_ID)
                    .variableValueEquals(LeadJourney.VAR_LEAD_ID, leadId).list().stream()
                    .filter(variable -> NotificationEmail.PROCESS_ID.equals(variable.getProcessDefinitionKey()))
                    .map(variable -> variable.getProcessInstanceId()).distinct().forEach(finished::add);
            if (!finished.isEmpty()) {
                history.deleteHistoricProcessInstances(finished);
            }
        });
    }
}
