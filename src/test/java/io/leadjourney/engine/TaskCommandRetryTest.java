package io.leadjourney.engine;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskCommandRetryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger attempts = new AtomicInteger();

    /** The rest of the engine's chain: fails the first {@code failures} attempts with {@code failure}. */
    private TaskCommandRetry.Interceptor interceptor(int failures, RuntimeException failure) {
        TaskCommandRetry.Interceptor interceptor = new TaskCommandRetry.Interceptor(registry);
        interceptor.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (attempts.incrementAndGet() <= failures) {
                    throw failure;
                }
                return null;
            }
        });
        return interceptor;
    }

    private double retries() {
        return registry.find(TaskCommandRetry.RETRIES).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aTaskCompletionThatLostARaceRunsAgainAndSucceeds() {
        interceptor(2, new OptimisticLockingException("execution changed")).execute(new CompleteTaskCmd("t", Map.of()));
        assertThat(attempts).hasValue(3);
        assertThat(retries()).isEqualTo(2.0);
    }

    @Test
    void aDeadlockReportedByTheDatabaseCountsAsALostRace() {
        ProcessEngineException deadlock = new ProcessEngineException("flush failed",
                new SQLException("deadlock detected", "40P01"));
        interceptor(1, deadlock).execute(new CompleteTaskCmd("t", Map.of()));
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRaceLostOnEveryAttemptReachesTheCaller() {
        assertThatThrownBy(() -> interceptor(99, new OptimisticLockingException("busy"))
                .execute(new CompleteTaskCmd("t", Map.of()))).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(TaskCommandRetry.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRepeated() {
        assertThatThrownBy(() -> interceptor(1, new ProcessEngineException("'acceptDecision' is required"))
                .execute(new CompleteTaskCmd("t", Map.of()))).hasMessageContaining("acceptDecision");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void commandsOtherThanTaskWorkAreNotRepeated() {
        assertThatThrownBy(() -> interceptor(1, new OptimisticLockingException("x"))
                .execute(new GetTaskVariableCmd("t", "v", false))).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCommandInsideTheCallersTransactionIsLeftToTheCaller() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> interceptor(1, new OptimisticLockingException("x"))
                    .execute(new CompleteTaskCmd("t", Map.of()))).isInstanceOf(OptimisticLockingException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }
}
