package org.crisiscoordination.query.projection;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which can be told that new events were committed by another
 * process. Without it, its processors would find them only at the next poll.
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    public NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** Fetches at once if the store's reader is waiting for events. */
    public void wakeUp() {
        afterCommit(List.of());
    }
}
