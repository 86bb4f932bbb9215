package org.crisiscoordination.command.web;

import org.crisiscoordination.kernel.store.EventStoreSchema;
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

    Optional<Long> current(String aggregateId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(sequence_number) from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ?", Long.class, aggregateId));
    }
}
