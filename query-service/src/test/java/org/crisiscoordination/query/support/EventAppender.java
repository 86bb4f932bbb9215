package org.crisiscoordination.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.crisiscoordination.kernel.audit.AuditMetadata;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.json.CrisisJson;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The one writer of the event store for the read side's tests: appends events as the command
 * service stores them (payload and metadata as JSON, the metadata carrying a valid hash chain),
 * with a whole caller (actor, the party acted for, command, correlation and causation ids), and
 * answers what it stored, so that tests can check audit entries field by field. A
 * {@link #notifying()} appender also announces each append once its transaction has committed, as
 * the command service does, with {@code select pg_notify('crisis_events_appended', '')}.
 */
public final class EventAppender {

    private static final ObjectMapper JSON = CrisisJson.forMessages();
    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean notify;

    public EventAppender(JdbcTemplate jdbc) {
        this(jdbc, false);
    }

    private EventAppender(JdbcTemplate jdbc, boolean notify) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.notify = notify;
    }

    /** The same appender, announcing every append on the channel the query service listens to. */
    public EventAppender notifying() {
        return new EventAppender(jdbc, true);
    }

    /** Who caused an event, as its metadata records it. */
    public record Caller(String actor, String onBehalfOf, String commandId, String correlationId, String causationId) {

        /** A caller with fresh command, correlation and causation ids, all three different. */
        public static Caller of(String actor, String onBehalfOf) {
            return new Caller(actor, onBehalfOf, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
        }
    }

    /** What was stored: its position, what its hash covers, and its link in the chain. */
    public record Appended(long position, AuditRecord record, String previousHash, String hash) {

        public long sequence() {
            return record.sequence();
        }
    }

    public Appended append(String aggregateType, String aggregateId, Object payload) {
        return append(aggregateType, aggregateId, payload, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Caller.of("tester@secretariat", null));
    }

    /** Appends one event at its aggregate's next sequence number, in one transaction. */
    public Appended append(String aggregateType, String aggregateId, Object payload, Instant at, Caller caller) {
        return append(aggregateType, aggregateId, payload.getClass(), JSON.valueToTree(payload), at, caller);
    }

    /**
     * Appends an event stored as the given JSON, which need not be what its type would write: an
     * event the command service would refuse today, or one that cannot be read back.
     */
    public Appended append(String aggregateType, String aggregateId, Class<?> payloadType, JsonNode payloadJson) {
        return append(aggregateType, aggregateId, payloadType, payloadJson,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Caller.of("tester@secretariat", null));
    }

    /**
     * Appends one event, then runs {@code inFlight} in the appending transaction before it ends: to
     * keep the append in flight for a while, or to roll it back ({@code setRollbackOnly}).
     */
    public Appended append(String aggregateType, String aggregateId, Object payload,
                           BiConsumer<Appended, TransactionStatus> inFlight) {
        return append(aggregateType, aggregateId, payload.getClass(), JSON.valueToTree(payload),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Caller.of("tester@secretariat", null), inFlight);
    }

    private Appended append(String aggregateType, String aggregateId, Class<?> payloadType, JsonNode payloadJson,
                            Instant at, Caller caller) {
        return append(aggregateType, aggregateId, payloadType, payloadJson, at, caller, (appended, status) -> { });
    }

    private Appended append(String aggregateType, String aggregateId, Class<?> payloadType, JsonNode payloadJson,
                            Instant at, Caller caller, BiConsumer<Appended, TransactionStatus> inFlight) {
        Appended appended = appendInTransaction(aggregateType, aggregateId, payloadType, payloadJson, at, caller,
                inFlight);
        if (notify) {
            jdbc.query("select pg_notify(?, '')", rs -> null, EventStoreSchema.APPENDED_CHANNEL);
        }
        return appended;
    }

    private Appended appendInTransaction(String aggregateType, String aggregateId, Class<?> payloadType,
                                         JsonNode payloadJson, Instant at, Caller caller,
                                         BiConsumer<Appended, TransactionStatus> inFlight) {
        return transaction.execute(status -> {
            List<Map<String, Object>> last = jdbc.queryForList("select sequence_number, convert_from(meta_data, 'UTF8')"
                    + " as meta from " + EventStoreSchema.EVENTS
                    + " where aggregate_identifier = ? order by sequence_number desc limit 1", aggregateId);
            long sequence = last.isEmpty() ? 0 : ((Number) last.get(0).get("sequence_number")).longValue() + 1;
            String previousHash = last.isEmpty() ? HashChain.GENESIS
                    : read((String) last.get(0).get("meta")).get(AuditMetadata.HASH).asText();
            // the revision the command service's serializer gives the type (its @Revision), covered by the hash
            String revision = REVISIONS.revisionOf(payloadType);
            AuditRecord record = new AuditRecord(aggregateType, aggregateId, sequence,
                    payloadType.getSimpleName(), payloadJson, DateTimeUtils.formatInstant(at), caller.actor(),
                    caller.onBehalfOf(), caller.commandId(), caller.correlationId(), caller.causationId(), revision);
            String hash = HashChain.hash(previousHash, record);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put(AuditMetadata.ACTOR, caller.actor());
            if (caller.onBehalfOf() != null) {
                meta.put(AuditMetadata.ON_BEHALF_OF, caller.onBehalfOf());
            }
            meta.put(AuditMetadata.COMMAND_ID, caller.commandId());
            meta.put(AuditMetadata.CORRELATION_ID, caller.correlationId());
            meta.put(AuditMetadata.CAUSATION_ID, caller.causationId());
            meta.put(AuditMetadata.PREVIOUS_HASH, previousHash);
            meta.put(AuditMetadata.HASH, hash);
            jdbc.update("insert into " + EventStoreSchema.EVENTS + " (event_identifier, aggregate_identifier,"
                            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), aggregateId, sequence, aggregateType, record.occurredAt(),
                    payloadType.getName(), revision, bytes(payloadJson), bytes(meta));
            Long position = jdbc.queryForObject("select global_index from " + EventStoreSchema.EVENTS
                    + " where aggregate_identifier = ? and sequence_number = ?", Long.class, aggregateId, sequence);
            Appended appended = new Appended(position == null ? -1 : position, record, previousHash, hash);
            inFlight.accept(appended, status);
            return appended;
        });
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
