package org.crisiscoordination.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the current transaction appended, so that a write can answer its aggregate's new version
 * and a consistency token: Axon's storage engine returns neither.
 */
public class AppendedEvents {

    /** One appended event, and the highest global position its transaction had drawn by then. */
    public record Appended(String aggregateType, String aggregateId, long sequence, long position) {
    }

    void record(List<? extends DomainEventMessage<?>> events, long lastPosition) {
        List<Appended> appended = boundList();
        events.forEach(e -> appended.add(
                new Appended(e.getType(), e.getAggregateIdentifier(), e.getSequenceNumber(), lastPosition)));
    }

    /** Everything appended so far in the current transaction, oldest first. */
    public List<Appended> inCurrentTransaction() {
        @SuppressWarnings("unchecked")
        List<Appended> appended = (List<Appended>) TransactionSynchronizationManager.getResource(AppendedEvents.class);
        return appended == null ? List.of() : List.copyOf(appended);
    }

    /** The last event the current transaction appended to one aggregate. */
    public Optional<Appended> lastOf(String aggregateId) {
        List<Appended> appended = inCurrentTransaction();
        for (int i = appended.size() - 1; i >= 0; i--) {
            if (appended.get(i).aggregateId().equals(aggregateId)) {
                return Optional.of(appended.get(i));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private List<Appended> boundList() {
        List<Appended> appended = (List<Appended>) TransactionSynchronizationManager.getResource(AppendedEvents.class);
        if (appended == null) {
            appended = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(AppendedEvents.class, appended);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AppendedEvents.class);
                }
            });
        }
        return appended;
    }
}
