package org.crisiscoordination.edge.store;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The event store's tables, the one thing both services share at run time. The command service
 * owns them (its Flyway migrations create them in the schema {@value #SCHEMA}); the query
 * service only reads them.
 */
public final class EventStoreSchema {

    public static final String SCHEMA = "event_store";
    public static final String EVENTS = SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOTS = SCHEMA + ".snapshot_event_entry";
    /** The sequence events draw their global positions from (uncached: see {@link AppendWatermark}). */
    public static final String POSITIONS = SCHEMA + ".domain_event_position";
    /**
     * The channel {@code NOTIFY}ed after appends end (committed or rolled back), so that readers
     * need not poll. Several appends may share one notification.
     */
    public static final String APPENDED_CHANNEL = "crisis_events_appended";

    private EventStoreSchema() {
    }

    /** Axon's view of the tables: snake_case names, schema-qualified so no search path matters. */
    public static EventSchema axonSchema() {
        return EventSchema.builder()
                .eventTable(EVENTS)
                .snapshotTable(SNAPSHOTS)
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
