package org.crisiscoordination.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the event store's rows as they are stored, payload and metadata as JSON. */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of {@code event_store.domain_event_entry}. */
    public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateId, long sequence,
                              String type, String payloadType, String payloadRevision, String timeStamp,
                              JsonNode payload, JsonNode metaData) {

        public String meta(String key) {
            JsonNode value = metaData.get(key);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private final JdbcTemplate jdbc;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An aggregate's events, oldest first. */
    public List<StoredEvent> of(String aggregateId) {
        return jdbc.query("""
                        select global_index, event_identifier, aggregate_identifier, sequence_number, type,
                               payload_type, payload_revision, time_stamp, convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8') as meta_data
                        from event_store.domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (rs, row) -> new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                        parse(rs.getString("payload")),
                        parse(rs.getString("meta_data"))),
                aggregateId);
    }

    /** An aggregate's last event. */
    public StoredEvent last(String aggregateId) {
        List<StoredEvent> events = of(aggregateId);
        if (events.isEmpty()) {
            throw new AssertionError("no events stored for " + aggregateId);
        }
        return events.get(events.size() - 1);
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored column is not JSON: " + json, e);
        }
    }
}
