package org.crisiscoordination.command.checkpoint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * {@value #NAME} (Prometheus {@code crisis_checkpoint_age_seconds}): how long ago the latest
 * checkpoint was signed, NaN before the first or while the database cannot be reached. Signing
 * runs every {@code crisis.checkpoints.interval} while the log grows, so an age well past that
 * while events are written means the signer is down or refuses (a tampered log).
 */
@Component
class CheckpointMetrics {

    static final String NAME = "crisis.checkpoint.age";

    CheckpointMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        Gauge.builder(NAME, jdbc, CheckpointMetrics::age)
                .description("Seconds since the latest checkpoint of the audit log was signed")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private static double age(JdbcTemplate jdbc) {
        try {
            List<Timestamp> latest = jdbc.queryForList("select signed_at from " + MerkleLogSchema.CHECKPOINTS
                    + " order by tree_size desc limit 1", Timestamp.class);
            return latest.isEmpty() ? Double.NaN
                    : (System.currentTimeMillis() - latest.get(0).getTime()) / 1000.0;
        } catch (DataAccessException unreachable) {
            return Double.NaN;
        }
    }
}
