package io.leadjourney.journey;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionOutcome;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates the latest deployed version of a decision table with the engine's decision service. */
@Component
class CamundaDecisionEvaluator implements DecisionEvaluator {

    private final RepositoryService repositoryService;
    private final DecisionService decisionService;
    private final SystemAuthentication system;

    CamundaDecisionEvaluator(RepositoryService repositoryService, DecisionService decisionService,
                             SystemAuthentication system) {
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
        this.system = system;
    }

    @Override
    public DecisionOutcome evaluate(String decisionKey, Map<String, Object> inputs) {
        return system.call(() -> {
            DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("No decision table '" + decisionKey + "' is deployed");
            }
            List<Map<String, Object>> rules = new ArrayList<>();
            for (DmnDecisionRuleResult entries : decisionService.evaluateDecisionTableById(definition.getId())
                    .variables(inputs).evaluate()) {
                rules.add(new LinkedHashMap<>(entries.getEntryMap()));
            }
            return new DecisionOutcome(decisionKey, definition.getVersion(), rules);
        });
    }
}
