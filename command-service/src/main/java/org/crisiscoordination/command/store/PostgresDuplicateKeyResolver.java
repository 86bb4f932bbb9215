package org.crisiscoordination.command.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that PostgreSQL refused a duplicate (aggregate, sequence) key, so that a lost race
 * surfaces as a concurrency failure (retried, then answered 409) rather than a storage error (a
 * 500). Axon's own resolver recognises only {@code SQLIntegrityConstraintViolationException},
 * which the PostgreSQL driver never throws. A deadlock is the same race: two writes that append to
 * the same two aggregates in opposite order (a channel's closure and its crisis's resolution) each
 * wait for the other's uncommitted key, and PostgreSQL aborts one of them.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";
    static final String DEADLOCK_DETECTED = "40P01";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (UNIQUE_VIOLATION.equals(sql.getSQLState()) || DEADLOCK_DETECTED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
