package org.crisiscoordination.command.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that PostgreSQL refused a duplicate (aggregate, sequence) key, so that a lost race
 * surfaces as a concurrency failure (answered 409) rather than a storage error (a 500). Axon's own
 * resolver recognises only {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL
 * driver never throws.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
