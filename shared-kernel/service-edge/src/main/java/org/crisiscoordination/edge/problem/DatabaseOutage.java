package org.crisiscoordination.edge.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure to reach PostgreSQL from every other failure, whoever wrapped it (Spring's
 * transaction and JDBC layers, Axon's event store and unit of work): such a request is answered 503
 * with {@code Retry-After}, since the same request will work once the database is back.
 */
public final class DatabaseOutage {

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is going or not yet there. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    /** query_canceled: the statement timeout ran out. */
    private static final String STATEMENT_TIMEOUT = "57014";

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException   // CannotGetJdbcConnectionException too
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientConnectionException // HikariCP's "connection is not available"
                    || cause instanceof SQLException sql && isOutage(sql.getSQLState())) {
                return true;
            }
            // a rollback that failed on the dead connection hides the failure that caused it
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || SHUTDOWN_STATES.contains(sqlState) || STATEMENT_TIMEOUT.equals(sqlState));
    }
}
