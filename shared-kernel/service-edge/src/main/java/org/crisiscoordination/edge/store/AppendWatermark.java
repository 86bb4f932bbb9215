package org.crisiscoordination.edge.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * How far the event store may be read in position order without skipping an event: the safe
 * position. Appends run in parallel, so positions commit out of order: position 8 may become
 * visible while 7 is still in flight. A reader that served 8 and then asked for "after 8" would
 * never see 7. Every reader in position order therefore reads only up to {@link #safePosition()}.
 *
 * <p>It moves past a position only once every appending transaction that could still commit it
 * has ended. Each round reads the last position drawn ({@code h}: positions come from one uncached
 * sequence), then the appending transactions in flight (those holding a row-writing lock on the
 * event table in this database; an insert takes it before it draws its position). Any transaction
 * that can still commit a position up to {@code h} drew it before the first read, so it is in that
 * set; once none of the set is left, everything up to {@code h} has committed or rolled back. Only
 * appending transactions count: other writers (projection batches, another database, an idle
 * session) never hold it back. A round whose set is not yet empty waits in a queue and is settled
 * by a later call.
 *
 * <p>One instance per process; calls are serialised and each costs two short queries.
 */
public final class AppendWatermark {

    /** Rounds kept waiting at most; beyond it a call settles earlier rounds but adds none. */
    private static final int MAX_WAITING_ROUNDS = 64;

    private static final String LAST_DRAWN = "select case when is_called then last_value else last_value - 1 end from "
            + EventStoreSchema.POSITIONS;
    private static final String APPENDING = "select virtualtransaction from pg_locks where locktype = 'relation'"
            + " and database = (select oid from pg_database where datname = current_database())"
            + " and relation = '" + EventStoreSchema.EVENTS + "'::regclass"
            + " and mode in ('RowExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')";

    private record Round(long lastDrawn, Set<String> appending) {
    }

    private final DataSource dataSource;
    private final Deque<Round> waiting = new ArrayDeque<>();
    private long safe;
    private long lastDrawn;

    public AppendWatermark(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The highest position up to which (inclusive) every event that will ever be stored is
     * visible now. It never moves back. A reader in position order reads {@code position <=} it.
     */
    public long safePosition() {
        try (Connection connection = dataSource.getConnection()) {
            return safePosition(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the event store's safe position could not be read: " + e.getMessage(), e);
        }
    }

    /** The same, on a connection the caller already holds (any transaction state will do). */
    public synchronized long safePosition(Connection connection) throws SQLException {
        long drawn = lastDrawn(connection);
        Set<String> appending = appending(connection);
        settle(drawn, appending);
        return safe;
    }

    /**
     * Whether the last round saw positions drawn beyond the safe one: the safe position will move
     * once the appends in flight end, with no new append to announce it.
     */
    public synchronized boolean behind() {
        return safe < lastDrawn;
    }

    private void settle(long drawn, Set<String> appending) {
        // the latest waiting round none of whose transactions is still in flight: all up to it is final
        Round settled = null;
        for (Round round : waiting) {
            if (Collections.disjoint(round.appending(), appending)) {
                settled = round;
            }
        }
        if (settled != null) {
            safe = Math.max(safe, settled.lastDrawn());
            for (Iterator<Round> it = waiting.iterator(); it.hasNext(); ) {
                Round round = it.next();
                it.remove();
                if (round == settled) {
                    break;
                }
            }
        }
        lastDrawn = Math.max(lastDrawn, drawn);
        if (appending.isEmpty()) {
            safe = Math.max(safe, drawn);
            waiting.clear();
        } else if (drawn > safe && waiting.size() < MAX_WAITING_ROUNDS
                && (waiting.isEmpty() || waiting.peekLast().lastDrawn() < drawn)) {
            waiting.addLast(new Round(drawn, appending));
        }
    }

    private static long lastDrawn(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LAST_DRAWN);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Set<String> appending(Connection connection) throws SQLException {
        Set<String> transactions = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(APPENDING);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                transactions.add(rows.getString(1));
            }
        }
        return transactions;
    }
}
