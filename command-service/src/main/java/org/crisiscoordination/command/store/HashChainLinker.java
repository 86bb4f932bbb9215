package org.crisiscoordination.command.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.crisiscoordination.kernel.audit.AuditMetadata;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links each event about to be appended into its aggregate's hash chain: it computes the event's
 * hash from its predecessor's and adds both to the event's metadata, which is stored with it. The
 * predecessor's hash is the one read when the aggregate was loaded in the same transaction (see
 * {@link #remembering}), or from earlier in the same batch, else it is read from the store.
 */
class HashChainLinker {

    private final Serializer eventSerializer;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    HashChainLinker(Serializer eventSerializer, ObjectMapper json, JdbcTemplate jdbc) {
        this.eventSerializer = eventSerializer;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** The last hash this transaction saw of an aggregate: loaded with it, or appended. */
    private record Seen(long sequence, String hash) {
    }

    /**
     * The aggregate's events as the repository loads them, each event's hash remembered until
     * the transaction ends, so that appending to the aggregate needs no read of its predecessor.
     */
    DomainEventStream remembering(DomainEventStream events) {
        Map<String, Seen> seen = seenInTransaction();
        if (seen == null) {
            return events;
        }
        return new DomainEventStream() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public DomainEventMessage<?> next() {
                DomainEventMessage<?> event = events.next();
                Object hash = event.getMetaData().get(AuditMetadata.HASH);
                if (hash instanceof String text) {
                    seen.put(event.getAggregateIdentifier(), new Seen(event.getSequenceNumber(), text));
                }
                return event;
            }

            @Override
            public DomainEventMessage<?> peek() {
                return events.peek();
            }

            @Override
            public Long getLastSequenceNumber() {
                return events.getLastSequenceNumber();
            }
        };
    }

    List<DomainEventMessage<?>> link(List<? extends EventMessage<?>> events) {
        Map<String, Seen> seen = seenInTransaction();
        Map<String, String> lastHashes = new HashMap<>();
        List<DomainEventMessage<?>> linked = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalStateException("only aggregates append events; got " + event.getPayloadType());
            }
            String previous = lastHashes.get(domainEvent.getAggregateIdentifier());
            if (previous == null) {
                Seen loaded = seen == null ? null : seen.get(domainEvent.getAggregateIdentifier());
                previous = loaded != null && loaded.sequence() == domainEvent.getSequenceNumber() - 1
                        ? loaded.hash() : storedPredecessorHash(domainEvent);
            }
            String hash = HashChain.hash(previous, recordOf(domainEvent));
            linked.add(domainEvent.andMetaData(Map.of(AuditMetadata.PREVIOUS_HASH, previous, AuditMetadata.HASH, hash)));
            lastHashes.put(domainEvent.getAggregateIdentifier(), hash);
            if (seen != null) {
                seen.put(domainEvent.getAggregateIdentifier(), new Seen(domainEvent.getSequenceNumber(), hash));
            }
        }
        return linked;
    }

    /** This transaction's remembered hashes, or null outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<String, Seen> seenInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Seen> seen = (Map<String, Seen>) TransactionSynchronizationManager.getResource(this);
        if (seen == null) {
            Map<String, Seen> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HashChainLinker.this);
                }
            });
            seen = fresh;
        }
        return seen;
    }

    private AuditRecord recordOf(DomainEventMessage<?> event) {
        MetaData meta = event.getMetaData();
        SerializedObject<byte[]> serialized = eventSerializer.serialize(event.getPayload(), byte[].class);
        byte[] payload = serialized.getData();
        return new AuditRecord(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), readTree(payload),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                text(meta, AuditMetadata.ACTOR), text(meta, AuditMetadata.ON_BEHALF_OF),
                text(meta, AuditMetadata.COMMAND_ID), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.CAUSATION_ID), serialized.getType().getRevision());
    }

    private String storedPredecessorHash(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        List<byte[]> metaData = jdbc.query(
                "select meta_data from " + EventStoreSchema.EVENTS + " where aggregate_identifier = ? and sequence_number = ?",
                (rs, row) -> rs.getBytes(1), event.getAggregateIdentifier(), event.getSequenceNumber() - 1);
        JsonNode hash = metaData.isEmpty() ? null : readTree(metaData.get(0)).get(AuditMetadata.HASH);
        if (hash == null || !hash.isTextual()) {
            throw new IllegalStateException("event " + event.getAggregateIdentifier() + "/"
                    + (event.getSequenceNumber() - 1) + " is missing or carries no hash");
        }
        return hash.asText();
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
