package io.leadjourney.journey;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's groups are narrowed to those with authorizations one group at a time, with the same answer as Camunda's
 * scan of the whole authorization table, and a rep still sees only the tasks of the rep's groups.
 */
class AuthorizedGroupsPluginTest {

    private static final List<String> REP_GROUPS = List.of("reps-small", "reps-without-grants", "reps-small");

    private ProcessEngine engine;
    private ProcessEngineConfigurationImpl configuration;

    @BeforeEach
    void startEngine() {
        configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:authorized-groups-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
        configuration.setProcessEngineName("authorized-groups-" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setProcessEnginePlugins(List.of(new AuthorizedGroupsPlugin()));
        engine = configuration.buildProcessEngine();

        TaskService tasks = engine.getTaskService();
        for (String group : List.of("reps-small", "reps-large")) {
            Task task = tasks.newTask("accept-" + group);
            task.setName("Accept lead");
            tasks.saveTask(task);
            // With authorization on, the engine grants a candidate group its task (Camunda's default provider).
            tasks.addCandidateGroup(task.getId(), group);
        }
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void theEngineUsesTheGroupByGroupManager() {
        AuthorizationManager manager = inCommand(context -> context.getSession(AuthorizationManager.class));
        assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.GroupByGroupAuthorizationManager.class);
    }

    @Test
    void theGroupsWithAuthorizationsAreThoseCamundasScanFinds() {
        List<String> ours = inCommand(context ->
                context.getSession(AuthorizationManager.class).filterAuthenticatedGroupIds(REP_GROUPS));
        List<String> camundas = inCommand(context ->
                new AuthorizationManager().filterAuthenticatedGroupIds(REP_GROUPS));

        assertThat(ours).containsExactly("reps-small");
        assertThat(ours).containsExactlyInAnyOrderElementsOf(camundas);
        List<String> none = inCommand(context ->
                context.getSession(AuthorizationManager.class).filterAuthenticatedGroupIds(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void aRepSeesTheTasksOfTheRepsGroupsOnly() {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("rep-a", REP_GROUPS);
        try {
            assertThat(engine.getTaskService().createTaskQuery().list()).extracting(Task::getId)
                    .containsExactly("accept-reps-small");
        } finally {
            identity.clearAuthentication();
        }
    }

    private <T> T inCommand(Command<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(work);
    }
}
