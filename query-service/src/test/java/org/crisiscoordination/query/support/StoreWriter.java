package org.crisiscoordination.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.crisiscoordination.kernel.audit.AuditMetadata;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.json.CrisisJson;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the event store as the command service stores them (payload and metadata as
 * JSON, the metadata with a valid hash chain), for tests of the read side.
 */
public final class StoreWriter {

    private static final ObjectMapper JSON = CrisisJson.forMessages();

    private final JdbcTemplate jdbc;

    StoreWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event to an aggregate's stream at its next sequence number; answers its position. */
    public long append(String aggregateType, String aggregateId, Object payload) {
        return append(aggregateType, aggregateId, payload, Instant.now(), "tester@secretariat");
    }

    public long append(String aggregateType, String aggregateId, Object payload, Instant at, String actor) {
        List<Map<String, Object>> last = jdbc.queryForList("select sequence_number, convert_from(meta_data, 'UTF8') as meta"
                + " from " + EventStoreSchema.EVENTS + " where aggregate_identifier = ? order by sequence_number desc limit 1",
                aggregateId);
        long sequence = last.isEmpty() ? 0 : ((Number) last.get(0).get("sequence_number")).longValue() + 1;
        String previousHash = last.isEmpty() ? HashChain.GENESIS : read((String) last.get(0).get("meta")).get("hash").asText();
        String occurredAt = DateTimeUtils.formatInstant(at);
        String commandId = UUID.randomUUID().toString();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(AuditMetadata.ACTOR, actor);
        meta.put(AuditMetadata.COMMAND_ID, commandId);
        meta.put(AuditMetadata.CORRELATION_ID, commandId);
        meta.put(AuditMetadata.CAUSATION_ID, commandId);
        JsonNode payloadJson = JSON.valueToTree(payload);
        meta.put(AuditMetadata.PREVIOUS_HASH, previousHash);
        meta.put(AuditMetadata.HASH, HashChain.hash(previousHash, new AuditRecord(aggregateType, aggregateId, sequence,
                payload.getClass().getSimpleName(), payloadJson, occurredAt, actor, null, commandId, commandId,
                commandId)));
        jdbc.update("insert into " + EventStoreSchema.EVENTS + " (event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, ?, ?, ?, ?, null, ?, ?)",
                UUID.randomUUID().toString(), aggregateId, sequence, aggregateType, occurredAt,
                payload.getClass().getName(), bytes(payloadJson), bytes(meta));
        Long position = jdbc.queryForObject("select global_index from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? and sequence_number = ?", Long.class, aggregateId, sequence);
        return position == null ? -1 : position;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
