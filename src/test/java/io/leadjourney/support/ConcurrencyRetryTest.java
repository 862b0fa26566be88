package io.leadjourney.support;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyRetryTest {

    private final ConcurrencyRetry retry = new ConcurrencyRetry();

    @Test
    void aLostRaceIsTriedAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = retry.call(() -> {
            if (attempts.incrementAndGet() < ConcurrencyRetry.ATTEMPTS) {
                throw new ConcurrencyFailureException("raced");
            }
            return "stored";
        });
        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).hasValue(ConcurrencyRetry.ATTEMPTS);
    }

    @Test
    void aRaceThatKeepsBeingLostReachesTheCallerAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyFailureException("raced");
        })).isInstanceOf(ConcurrencyFailureException.class);
        assertThat(attempts).hasValue(ConcurrencyRetry.ATTEMPTS);
    }

    @Test
    void anEngineTransactionChosenAsDeadlockVictimIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = retry.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ProcessEngineException("flush failed", new SQLException("deadlock detected", "40P01"));
            }
            return "stored";
        });
        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).hasValue(2);
    }

    /** H2 answers the engine's optimistic locking on a row another transaction changed with "concurrent update". */
    @Test
    void anEngineFlushThatFoundItsRowChangedOnH2IsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = retry.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ProcessEngineException("flush failed", new org.apache.ibatis.exceptions.PersistenceException(
                        new SQLException("Concurrent update in table \"ACT_RU_EXECUTION\"", "90131", 90131)));
            }
            return "stored";
        });
        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("bad data");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }
}
