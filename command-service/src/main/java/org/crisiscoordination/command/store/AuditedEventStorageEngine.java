package org.crisiscoordination.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDBC storage engine, with what an auditable record adds to every append: commits in
 * position order, the hash chain, a commit notification for readers in other processes, and a
 * note of what was appended for the write's answer. Reads pass straight through.
 */
public class AuditedEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine jdbc;
    private final AppendOrder order;
    private final HashChainLinker linker;
    private final AppendedEvents appended;

    AuditedEventStorageEngine(EventStorageEngine jdbc, AppendOrder order, HashChainLinker linker,
                              AppendedEvents appended) {
        this.jdbc = jdbc;
        this.order = order;
        this.linker = linker;
        this.appended = appended;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        order.lockUntilCommit();
        List<DomainEventMessage<?>> linked = linker.link(events);
        jdbc.appendEvents(linked);
        long lastPosition = order.lastPosition();
        appended.record(linked, lastPosition);
        order.announceOnCommit(lastPosition);
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
        return jdbc.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return jdbc.readSnapshot(aggregateIdentifier);
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
