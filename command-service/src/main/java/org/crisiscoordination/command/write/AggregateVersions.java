package org.crisiscoordination.command.write;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** An aggregate's current version: the sequence number of its last stored event. */
@Component
class AggregateVersions {

    private final JdbcTemplate jdbc;

    AggregateVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The version of whatever aggregate has the id, of any type. */
    Optional<Long> current(String aggregateId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(sequence_number) from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ?", Long.class, aggregateId));
    }

    /** The version of an aggregate of one type; empty if the id is unknown or of another type. */
    Optional<Long> current(String aggregateId, String aggregateType) {
        return Optional.ofNullable(jdbc.queryForObject("select max(sequence_number) from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? and type = ?", Long.class, aggregateId, aggregateType));
    }
}
