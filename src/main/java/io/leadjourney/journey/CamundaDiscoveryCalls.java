package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.portal.DiscoveryCalls;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DiscoveryCalls} from the engine's history: the discovery call's variables on the lead's journeys, the newest
 * journey's where a lead came back and was called again.
 */
@Component
class CamundaDiscoveryCalls implements DiscoveryCalls {

    private static final String[] FIELDS = {LeadJourney.VAR_BANT_NEED, LeadJourney.VAR_BANT_BUDGET,
            LeadJourney.VAR_BANT_AUTHORITY, LeadJourney.VAR_BANT_TIMELINE, LeadJourney.VAR_DISCOVERY_OUTCOME,
            LeadJourney.VAR_TEMPERATURE};

    private final HistoryService history;
    private final SystemAuthentication system;

    CamundaDiscoveryCalls(HistoryService history, SystemAuthentication system) {
        this.history = history;
        this.system = system;
    }

    @Override
    public Optional<Discovery> lastOf(long leadId) {
        return system.call(() -> {
            List<String> journeys = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(LeadJourney.PROCESS_ID).processInstanceBusinessKey(String.valueOf(leadId))
                    .orderByProcessInstanceStartTime().desc().list().stream()
                    .map(HistoricProcessInstance::getId).toList();
            for (String journey : journeys) {
                Map<String, Object> values = new HashMap<>();
                for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                        .processInstanceId(journey).variableNameIn(FIELDS).list()) {
                    values.put(variable.getName(), variable.getValue());
                }
                if (values.get(LeadJourney.VAR_DISCOVERY_OUTCOME) instanceof String outcome) {
                    return Optional.of(new Discovery(flag(values.get(LeadJourney.VAR_BANT_NEED)),
                            flag(values.get(LeadJourney.VAR_BANT_BUDGET)),
                            flag(values.get(LeadJourney.VAR_BANT_AUTHORITY)),
                            text(values.get(LeadJourney.VAR_BANT_TIMELINE)), outcome,
                            text(values.get(LeadJourney.VAR_TEMPERATURE))));
                }
            }
            return Optional.empty();
        });
    }

    private static Boolean flag(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
