package io.leadjourney.support;

import org.camunda.bpm.engine.OptimisticLockingException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether the engine failed because another transaction got there first: Camunda's optimistic locking, or the
 * database choosing this transaction as a deadlock victim or serialization failure, or giving up on a row another
 * transaction holds. Such work is safe to repeat once it has rolled back; anything else is a real error.
 */
public final class EngineConflicts {

    /**
     * The SQL standard's serialization failure (also H2's deadlock), PostgreSQL's deadlock and lock-not-available,
     * and H2's lock timeout and "concurrent update" (H2 answers this, not a count of 0, when the row a statement
     * waited for was changed by the transaction that held it: the engine's optimistic locking, seen by H2).
     */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    private EngineConflicts() {
    }

    public static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return true;
            }
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null;
                 sql = sql.getNextException()) {
                if (RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
