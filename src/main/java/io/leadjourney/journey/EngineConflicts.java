package io.leadjourney.journey;

import org.camunda.bpm.engine.OptimisticLockingException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether the engine failed because another transaction got there first: Camunda's optimistic locking, or the
 * database choosing this transaction as a deadlock victim or serialization failure. Such work is safe to repeat
 * once it has rolled back; anything else is a real error.
 */
public final class EngineConflicts {

    /** PostgreSQL's (and the SQL standard's) serialization failure and deadlock. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

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
