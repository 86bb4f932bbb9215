package org.crisiscoordination.query.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A read model as it stood at a past position, rebuilt by the projections' own event handlers: in
 * one transaction, each of the read model's tables is shadowed by an empty temporary table of the
 * same shape (PostgreSQL looks a session's temporary tables up first), the stored events up to the
 * position are handed to the projections as their processors would hand them, the answer is read
 * with the read model's own repository, and the transaction is rolled back, so the temporary tables
 * vanish and nothing else ever sees them. No second fold to keep in step with the first.
 */
@Component
public class PastReadModel {

    /**
     * The projections to run and the tables they write, all of which are shadowed.
     *
     * @param relevant which events to hand over; leaving out those that cannot touch the rows read
     *                 only saves work
     */
    public record Fold(List<Object> projections, List<String> tables, Predicate<DomainEventMessage<?>> relevant) {
    }

    private final JdbcClient db;
    private final EventStorageEngine events;
    private final TransactionTemplate transactions;

    PastReadModel(JdbcClient db, EventStorageEngine events, PlatformTransactionManager transactionManager) {
        this.db = db;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What {@code read} answers over the read model folded from the events up to {@code position}. */
    public <T> T at(long position, Fold fold, Supplier<T> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            String schema = db.sql("select current_schema()").query(String.class).single();
            for (String table : fold.tables()) {
                db.sql("create temporary table " + table + " (like " + schema + "." + table
                        + " including all) on commit drop").update();
            }
            List<AnnotationEventHandlerAdapter> handlers = fold.projections().stream()
                    .map(AnnotationEventHandlerAdapter::new).toList();
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents((TrackingToken) null, false)) {
                stream.takeWhile(event -> positionOf(event).orElse(Long.MAX_VALUE) <= position)
                        .filter(event -> event instanceof DomainEventMessage<?> domain && fold.relevant().test(domain))
                        .forEach(event -> handlers.forEach(handler -> handle(handler, event)));
            }
            return read.get();
        });
    }

    private static OptionalLong positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken() instanceof GlobalSequenceTrackingToken global ? OptionalLong.of(global.getGlobalIndex())
                : event.trackingToken().position();
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not fold event " + event.getIdentifier(), e);
        }
    }

    /** The aggregates named, and every event of an aggregate of one of the types named. */
    public static Predicate<DomainEventMessage<?>> aggregates(Set<String> ids, Set<String> types) {
        return event -> ids.contains(event.getAggregateIdentifier()) || types.contains(event.getType());
    }
}
