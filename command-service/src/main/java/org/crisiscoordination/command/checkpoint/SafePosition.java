package org.crisiscoordination.command.checkpoint;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the log may be read without a lower position committing later: leaves are assigned only
 * up to here, so that a leaf index, once given, is never wrong.
 *
 * <p>While appends commit in position order (one advisory lock from drawing positions to commit,
 * see the store's {@code AppendOrder}), every committed position is final: nothing can commit below
 * the highest one visible. Should appends run in parallel, this is the one place to ask the store's
 * watermark instead.
 */
@Component
class SafePosition {

    private final JdbcTemplate jdbc;

    SafePosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long safePosition() {
        Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from " + EventStoreSchema.EVENTS, Long.class);
        return max == null ? 0 : max;
    }
}
