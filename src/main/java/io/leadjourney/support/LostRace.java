package io.leadjourney.support;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

import java.util.function.BiConsumer;

/**
 * The one way work runs again after it lost a race with other work on the same rows (a lock timeout, a deadlock,
 * the engine's optimistic locking): Spring Retry, a few attempts, a pause that grows and is never the same for two
 * callers, so two transactions that collided do not collide again at once. Used for our own transactions
 * ({@link ConcurrencyRetry}) and for task commands in the engine ({@code engine.TaskCommandRetry}); the engine's
 * jobs have the engine's own retries.
 */
public final class LostRace {

    /** The first pause; each next one is up to twice as long, at random. */
    static final long FIRST_PAUSE_MILLIS = 10;
    private static final long MAX_PAUSE_MILLIS = 400;

    private LostRace() {
    }

    /** Spring's translation of a lock timeout or deadlock, or the engine's optimistic locking or deadlock. */
    public static boolean lostRace(Throwable failure) {
        return failure instanceof ConcurrencyFailureException
                || EngineConflicts.lostRace(failure);
    }

    /**
     * Runs work up to {@code attempts} times while it loses races; any other failure, or the last lost race, reaches
     * the caller as thrown.
     *
     * @param onRetry told of each lost race that will be tried again: the attempt that comes next, and the failure
     */
    public static RetryTemplate template(int attempts, BiConsumer<Integer, Throwable> onRetry) {
        SimpleRetryPolicy policy = new SimpleRetryPolicy(attempts) {
            @Override
            public boolean canRetry(RetryContext context) {
                Throwable last = context.getLastThrowable();
                return (last == null || lostRace(last)) && super.canRetry(context);
            }
        };
        ExponentialRandomBackOffPolicy pause = new ExponentialRandomBackOffPolicy();
        pause.setInitialInterval(FIRST_PAUSE_MILLIS);
        pause.setMultiplier(2);
        pause.setMaxInterval(MAX_PAUSE_MILLIS);
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(policy);
        template.setBackOffPolicy(pause);
        template.setThrowLastExceptionOnExhausted(true);
        template.registerListener(new RetryListener() {
            @Override
            public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
                                                         Throwable failure) {
                if (policy.canRetry(context)) {
                    onRetry.accept(context.getRetryCount() + 1, failure);
                }
            }
        });
        return template;
    }
}
