package org.crisiscoordination.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Reads of a projection's tables, from the table set it serves. A read runs in a read-only
 * transaction whose search path is that set's schema, so its SQL names tables without a schema. It
 * holds the projection's read lock (a shared advisory lock) from before it looks up the served set
 * to its end: a set is emptied, after the switch away from it, only once every read that may have
 * chosen it has ended. A read nested in another (a channel's pledges, read in the channel's read)
 * switches the search path for its own queries and back.
 */
@Component
public class ReadModels {

    /** The advisory locks' first key, naming them as this service's read locks; the second is the projection's hash. */
    private static final int READ_LOCKS = 0x7265_6164;

    private static final ThreadLocal<String> CURRENT_PATH = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ReadModels(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Runs the query against the set of tables the projection serves now. */
    public <T> T read(String projection, Supplier<T> query) {
        String outer = CURRENT_PATH.get();
        if (outer != null) {
            try {
                CURRENT_PATH.set(enter(projection));
                return query.get();
            } finally {
                setPath(outer);
                CURRENT_PATH.set(outer);
            }
        }
        return readOnly.execute(status -> {
            try {
                CURRENT_PATH.set(enter(projection));
                return query.get();
            } finally {
                CURRENT_PATH.remove();
            }
        });
    }

    /**
     * In the caller's transaction, waits until every read of the projection under way has ended,
     * and holds new ones back until that transaction ends: after the switch away from a set,
     * no read that may have chosen it is left once this returns.
     */
    public void awaitReadsUnderWay(String projection) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> { }, READ_LOCKS, projection);
    }

    /** The read lock first, then (in a statement of its own, so seen after the lock) the served set. */
    private String enter(String projection) {
        jdbc.query("select pg_advisory_xact_lock_shared(?, hashtext(?))", rs -> { }, READ_LOCKS, projection);
        return jdbc.queryForObject("""
                        select set_config('search_path', coalesce((select case served_set when 'B' then ? else ? end
                                                                    from read_model.served_read_model
                                                                    where projection = ?), ?), true)""",
                String.class, TableSet.B.schema(), TableSet.A.schema(), projection, TableSet.A.schema());
    }

    private void setPath(String path) {
        jdbc.queryForObject("select set_config('search_path', ?, true)", String.class, path);
    }
}
