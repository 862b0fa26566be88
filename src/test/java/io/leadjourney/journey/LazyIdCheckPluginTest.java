package io.leadjourney.journey;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine checks the id of every row it inserts without printing the row first, and still refuses a bad id. */
class LazyIdCheckPluginTest {

    private ProcessEngine engine;

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aValidInsertDoesNotPrintTheRow() {
        engine = engine(true);
        AtomicInteger printed = new AtomicInteger();

        engine.getTaskService().saveTask(task("task-1", printed));

        assertThat(engine.getTaskService().createTaskQuery().taskId("task-1").count()).isOne();
        assertThat(printed).as("toString() of the inserted task").hasValue(0);
    }

    @Test
    void withoutThePluginCamundaPrintsEveryRowItInserts() {
        engine = engine(false);
        AtomicInteger printed = new AtomicInteger();

        engine.getTaskService().saveTask(task("task-1", printed));

        assertThat(printed).as("what the plugin saves: Camunda builds the message for every insert").hasPositiveValue();
    }

    @Test
    void aReservedIdIsStillRefusedWithCamundasOwnMessage() {
        engine = engine(true);

        assertThatThrownBy(() -> engine.getTaskService().saveTask(task(LazyIdCheckPlugin.RESERVED_ID,
                new AtomicInteger())))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id")
                .hasMessageContaining("* is a reserved identifier");
        assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    }

    private TaskEntity task(String id, AtomicInteger printed) {
        // The engine finds a row's statements by its class; this one is stored as the task it is.
        DbSqlSessionFactory statements = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDbSqlSessionFactory();
        statements.getInsertStatements().put(CountingTask.class, "insertTask");
        statements.getUpdateStatements().put(CountingTask.class, "updateTask");
        CountingTask task = new CountingTask(id, printed);
        task.setName("Accept lead");
        return task;
    }

    /** A task that counts how often it is printed. */
    private static final class CountingTask extends TaskEntity {
        private final transient AtomicInteger printed;

        CountingTask(String id, AtomicInteger printed) {
            super(id);
            this.printed = printed;
        }

        @Override
        public String toString() {
            printed.incrementAndGet();
            return super.toString();
        }
    }

    private static ProcessEngine engine(boolean withPlugin) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:lazy-id-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
        configuration.setProcessEngineName("lazy-id-check-" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        if (withPlugin) {
            configuration.setProcessEnginePlugins(List.of(new LazyIdCheckPlugin()));
        }
        return configuration.buildProcessEngine();
    }
}
