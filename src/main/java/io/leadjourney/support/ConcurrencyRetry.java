package io.leadjourney.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Runs a whole transaction again when it lost a race (a row lock timed out, a deadlock, or the engine reported an
 * optimistic locking conflict on a journey), so the client sees the answer rather than the conflict. Only for work that is
 * safe to repeat: a failed attempt stored nothing. How it tries again is {@link LostRace}'s.
 */
@Component
public class ConcurrencyRetry {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetry.class);
    static final int ATTEMPTS = 5;

    private final RetryTemplate retries = LostRace.template(ATTEMPTS, (attempt, conflict) -> log.info(
            "Concurrent change, trying again ({} of {}): {}", attempt, ATTEMPTS, conflict.getMessage()));

    public <T> T call(Supplier<T> transaction) {
        return retries.execute(context -> transaction.get());
    }
}
