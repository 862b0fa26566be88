package io.leadjourney.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a whole transaction again when it lost a race (a row lock timed out, a deadlock, or the engine reported an
 * optimistic locking conflict on a journey), so the client sees the answer rather than the conflict. Only for work that is
 * safe to repeat: a failed attempt stored nothing. Between attempts it waits a little, longer each time and never
 * the same for two callers, so two transactions that collided do not collide again at once.
 */
@Component
public class ConcurrencyRetry {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetry.class);
    static final int ATTEMPTS = 5;

    /** Spring's translation of a lock timeout or deadlock, or the engine's optimistic locking or deadlock. */
    private static boolean lostRace(RuntimeException failure) {
        return failure instanceof ConcurrencyFailureException || EngineConflicts.lostRace(failure);
    }

    public <T> T call(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException conflict) {
                if (attempt == ATTEMPTS || !lostRace(conflict)) {
                    throw conflict;
                }
                log.info("Concurrent change, trying again ({} of {}): {}", attempt + 1, ATTEMPTS,
                        conflict.getMessage());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10L * attempt, 40L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", interrupted);
        }
    }
}
