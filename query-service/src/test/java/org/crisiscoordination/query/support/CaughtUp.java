package org.crisiscoordination.query.support;

import org.awaitility.Awaitility;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Waits until every projection has handled everything the store holds now: for tests that
 * need the board to stand still (no event of an earlier test still on its way).
 */
public final class CaughtUp {

    private CaughtUp() {
    }

    public static void await(ProjectionProgress progress, JdbcTemplate jdbc) {
        Long last = jdbc.queryForObject("select max(global_index) from " + EventStoreSchema.EVENTS, Long.class);
        if (last != null) {
            Awaitility.await("projections covering position " + last)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(10))
                    .until(() -> progress.covers(last));
        }
    }
}
