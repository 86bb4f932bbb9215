package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.edge.store.AppendWatermark;
import org.crisiscoordination.kernel.audit.AuditMetadata;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the event store itself, not a projection of it: the audit shows exactly what is stored.
 * Appends commit out of position order, so everything read in position order is read only up to
 * the {@link AppendWatermark}: what a query sees is a prefix of the log that no late commit can
 * still change (its gaps are rolled-back appends, which never fill), and serving it in position
 * order never skips an event.
 */
@Repository
public class EventStoreReader {

    private static final String COLUMNS = "select global_index, type, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, payload, meta_data, time_stamp from " + EventStoreSchema.EVENTS;

    private final JdbcClient db;
    private final ObjectMapper json;
    private final AppendWatermark watermark;

    public EventStoreReader(JdbcClient db, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                            AppendWatermark watermark) {
        this.db = db;
        this.json = json;
        this.watermark = watermark;
    }

    /** The whole store in global order, from just after {@code position}, up to the safe position. */
    public List<AuditEntry> after(long position, int limit) {
        return db.sql(COLUMNS + " where global_index > ? and global_index <= ? order by global_index limit ?")
                .params(position, watermark.safePosition(), limit).query(this::entry).list();
    }

    /** The events of some aggregates, in global order. */
    public List<AuditEntry> of(List<String> aggregateIds) {
        return of(aggregateIds, 0);
    }

    /** The events of some aggregates after a position, in global order, up to the safe position. */
    public List<AuditEntry> of(List<String> aggregateIds, long afterPosition) {
        return db.sql(COLUMNS + " where aggregate_identifier = any(?) and global_index > ? and global_index <= ?"
                        + " order by global_index")
                .params(aggregateIds.toArray(String[]::new), afterPosition, watermark.safePosition())
                .query(this::entry).list();
    }

    /** One aggregate's stream, in sequence order. */
    public List<AuditEntry> stream(String aggregateId) {
        return db.sql(COLUMNS + " where aggregate_identifier = ? order by sequence_number")
                .param(aggregateId).query(this::entry).list();
    }

    /** The stored hash of an aggregate's event before {@code sequence}, if that event is stored. */
    public Optional<String> linkBefore(String aggregateId, long sequence) {
        return db.sql("select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from " + EventStoreSchema.EVENTS
                        + " where aggregate_identifier = ? and sequence_number = ?")
                .params(aggregateId, sequence - 1).query(String.class).optional();
    }

    /** The type of the aggregate an id belongs to, or null if no event has it. */
    public String aggregateType(String aggregateId) {
        return db.sql("select type from " + EventStoreSchema.EVENTS
                        + " where aggregate_identifier = ? and sequence_number = 0")
                .param(aggregateId).query(String.class).optional().orElse(null);
    }

    /** The channels convened for a crisis, as its own stream records them. */
    public List<String> channelsOf(String crisisId) {
        return db.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'channelId' from " + EventStoreSchema.EVENTS
                        + " where aggregate_identifier = ? and payload_type = ? order by sequence_number")
                .params(crisisId, PowerTrackOpened.class.getName()).query(String.class).list();
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        JsonNode meta = read(rs.getBytes("meta_data"));
        String payloadType = rs.getString("payload_type");
        return new AuditEntry(rs.getLong("global_index"), rs.getString("type"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                read(rs.getBytes("payload")), rs.getString("time_stamp"),
                text(meta, AuditMetadata.ACTOR), text(meta, AuditMetadata.ON_BEHALF_OF),
                text(meta, AuditMetadata.COMMAND_ID), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.CAUSATION_ID), text(meta, AuditMetadata.PREVIOUS_HASH),
                text(meta, AuditMetadata.HASH), rs.getString("payload_revision"));
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.nullNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
