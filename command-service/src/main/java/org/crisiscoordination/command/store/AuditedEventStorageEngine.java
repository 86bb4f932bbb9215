package org.crisiscoordination.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDBC storage engine, with what an auditable record adds to every append: the hash chain, a
 * notification for readers in other processes once the transaction has ended, and a note of what
 * was appended for the write's answer. Appends are not ordered against each other: readers in
 * position order read only up to the store's {@code AppendWatermark}. Reads pass straight through.
 */
public class AuditedEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine jdbc;
    private final JdbcTemplate sql;
    private final HashChainLinker linker;
    private final AppendedEvents appended;
    private final AppendNotifier notifier;

    AuditedEventStorageEngine(EventStorageEngine jdbc, JdbcTemplate sql, HashChainLinker linker,
                              AppendedEvents appended, AppendNotifier notifier) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.linker = linker;
        this.appended = appended;
        this.notifier = notifier;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are appended only inside a transaction");
        }
        List<DomainEventMessage<?>> linked = linker.link(events);
        jdbc.appendEvents(linked);
        appended.record(linked, lastPosition());
        notifier.announceAfterCompletion();
    }

    /** The position of the last event this transaction appended (positions are drawn per session). */
    private long lastPosition() {
        Long position = sql.queryForObject("select currval('" + EventStoreSchema.POSITIONS + "')", Long.class);
        return position == null ? -1 : position;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        jdbc.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return jdbc.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return linker.remembering(jdbc.readEvents(aggregateIdentifier, firstSequenceNumber));
    }

    /**
     * No aggregate is snapshotted (no snapshot trigger is configured), so loading one never asks
     * the snapshot table: one round trip fewer per command. Without a snapshot, an aggregate is
     * rebuilt from all its events, which is always correct.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return jdbc.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return jdbc.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return jdbc.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return jdbc.createTokenAt(dateTime);
    }
}
