package io.leadjourney.engine;

import io.leadjourney.support.LostRace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Set;

/**
 * Runs a rep's or manager's task command again when it lost a race with the engine itself, so Tasklist and
 * engine-rest answer with the result instead of a 500.
 * <p>
 * The typical race: a rep completes "Accept lead" in the very moment the job executor fires the SLA reminder on
 * the same journey. Both change the same execution; Camunda's optimistic locking lets one of them commit and
 * throws {@link OptimisticLockingException} at the other. Camunda expects the caller to try again, and for a
 * job the job executor does. For a task command the caller is a person in Tasklist, so this interceptor does:
 * the failed attempt rolled back completely, and the next attempt sees the committed state (the reminder
 * fired, or the task is already gone and the caller gets Camunda's usual 404).
 * <p>
 * It retries only commands that started their own transaction: a command that runs inside a caller's Spring
 * transaction or inside another command cannot be repeated alone, and is left to that caller
 * ({@link io.leadjourney.support.ConcurrencyRetry} for our own services). A database deadlock or serialization
 * failure is retried the same way.
 */
@Component
class TaskCommandRetry extends AbstractProcessEnginePlugin {

    static final int ATTEMPTS = 4;
    private static final Set<Class<?>> TASK_COMMANDS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            ClaimTaskCmd.class, SetTaskVariablesCmd.class);
    /** Counts the task commands run again, tagged with the command. */
    static final String RETRIES = "leadjourney.task.command.retries";
    private static final Logger log = LoggerFactory.getLogger(TaskCommandRetry.class);

    private final MeterRegistry registry;

    TaskCommandRetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.prepend(configuration, new Interceptor(registry));
    }

    /** Sits before the transaction interceptor: each attempt is a transaction of its own. */
    static class Interceptor extends CommandInterceptor {

        private final MeterRegistry registry;

        Interceptor(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (!retryable(command)) {
                return next.execute(command);
            }
            RetryTemplate retries = LostRace.template(ATTEMPTS, (attempt, failure) -> {
                Counter.builder(RETRIES).description("Task commands run again after losing a race")
                        .tag("command", command.getClass().getSimpleName()).register(registry).increment();
                log.info("{} lost a race with a concurrent change, trying again ({} of {}): {}",
                        command.getClass().getSimpleName(), attempt, ATTEMPTS, failure.getMessage());
            });
            return retries.execute(context -> next.execute(command));
        }

        private static boolean retryable(Command<?> command) {
            return TASK_COMMANDS.contains(command.getClass())
                    && Context.getCommandContext() == null
                    && !TransactionSynchronizationManager.isActualTransactionActive();
        }
    }
}
