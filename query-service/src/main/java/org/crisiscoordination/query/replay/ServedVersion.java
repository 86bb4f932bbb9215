package org.crisiscoordination.query.replay;

import org.crisiscoordination.query.readmodel.TableSet;

import java.time.Instant;

/**
 * A projection's row in {@code served_read_model}: the table set it serves and that set's version
 * number, and what its other set is doing. IDLE: nothing (its processor stands still); BUILDING:
 * version + 1 is being rebuilt there from the first event; RETIRING: reads have switched away
 * from it, and it is emptied once no read can still be using it.
 *
 * @param requestedBy the instance of the query service the replay was asked of
 * @param targetPosition the store's last position when the replay was asked for: the rebuild
 *                       serves reads no earlier than having handled it
 */
record ServedVersion(String projection, TableSet served, long version, State state, Instant requestedAt,
                     String requestedBy, Long targetPosition, Instant switchedAt) {

    enum State { IDLE, BUILDING, RETIRING }

    /** The set being rebuilt, or retired, or standing idle. */
    TableSet other() {
        return served.other();
    }

    String servedProcessor() {
        return served.processor(projection);
    }

    String otherProcessor() {
        return other().processor(projection);
    }
}
