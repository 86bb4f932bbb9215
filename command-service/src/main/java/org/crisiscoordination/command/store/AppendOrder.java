package org.crisiscoordination.command.store;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes appends commit in the order of their global positions. Each appending transaction takes
 * one PostgreSQL advisory lock, held until it commits, before it draws positions; so a position
 * becomes visible only after every lower one has committed or rolled back, and a reader that
 * serves positions in order never jumps over a lower one that commits later. The cost is that
 * appends (not command handling) are serialised across the store, which the decision log weighs.
 *
 * <p>It also announces each append on {@value EventStoreSchema#APPENDED_CHANNEL}; PostgreSQL
 * delivers the notification when, and only if, the transaction commits.
 */
class AppendOrder {

    /** An arbitrary constant naming the lock: "crisis" in ASCII. */
    static final long APPEND_LOCK = 0x637269736973L;

    private final JdbcTemplate jdbc;

    AppendOrder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lockUntilCommit() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are appended only inside a transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, APPEND_LOCK);
    }

    /** The position of the last event this transaction appended. */
    long lastPosition() {
        Long position = jdbc.queryForObject("select currval(pg_get_serial_sequence(?, 'global_index'))",
                Long.class, EventStoreSchema.EVENTS);
        return position == null ? -1 : position;
    }

    void announceOnCommit(long position) {
        jdbc.query("select pg_notify(?, ?)", rs -> null, EventStoreSchema.APPENDED_CHANNEL, Long.toString(position));
    }
}
