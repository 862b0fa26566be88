package io.leadjourney.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a deployment whose models could run code of their own ({@link ModelSafety}): only admins deploy, and
 * this keeps a stolen admin session, or a careless model, from turning a deployment into code on the server. It runs
 * for every new deployment, from Modeler, Cockpit, engine-rest or the application's own start, before the engine
 * parses anything; the refusal names each finding and is answered as a 400 over REST.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        deployers.add(new Check());
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(deployers);
    }

    static final class Check implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew() || deployment.getResources() == null) {
                return;
            }
            List<String> findings = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                findings.addAll(ModelSafety.check(resource.getName(), resource.getBytes()));
            }
            if (!findings.isEmpty()) {
                String message = "Deployment '" + deployment.getName() + "' refused: its models may not run code ("
                        + "docs/security.md, 'What a deployment may hold'): " + String.join("; ", findings);
                log.warn(message);
                throw new BadUserRequestException(message);
            }
        }
    }
}
