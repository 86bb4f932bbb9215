package org.crisiscoordination.query.audit;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identifiers the command service gave stored events, by position: an export names each event
 * by it. Stored events never change, so looking them up beside the {@link EventStoreReader}'s read
 * answers the same events.
 */
@Repository
class EventIdentifiers {

    private final JdbcClient db;

    EventIdentifiers(JdbcClient db) {
        this.db = db;
    }

    Map<Long, String> of(List<AuditEntry> entries) {
        Map<Long, String> identifiers = new HashMap<>();
        db.sql("select global_index, event_identifier from " + EventStoreSchema.EVENTS + " where global_index = any(?)")
                .param(entries.stream().map(AuditEntry::position).toArray(Long[]::new))
                .query((rs, row) -> identifiers.put(rs.getLong("global_index"), rs.getString("event_identifier")))
                .list();
        return identifiers;
    }
}
