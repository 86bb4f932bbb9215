package org.crisiscoordination.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Loads an aggregate only from a stream of its own type. All aggregate types share one id space,
 * and Axon replays whatever stream an id names: a crisis command with a channel's id would replay
 * the channel's events into a crisis (a 500). {@code @Aggregate(filterEventsByType = true)} would
 * prevent it, but Axon 4.13's Spring set-up ({@code SpringAggregateLookup}) never passes that
 * attribute on; so every aggregate factory is wrapped here, and a stream of another type is "not
 * found", which the web layer answers 404.
 */
@Component
class AggregateTypeCheck implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof AggregateFactory<?> factory && !(bean instanceof TypeChecked<?>)
                ? new TypeChecked<>(factory) : bean;
    }

    private static final class TypeChecked<T> implements AggregateFactory<T> {

        private final AggregateFactory<T> delegate;

        TypeChecked(AggregateFactory<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
            String type = delegate.getAggregateType().getSimpleName();
            if (!type.equals(firstEvent.getType())) {
                throw new AggregateNotFoundException(aggregateIdentifier,
                        "stream " + aggregateIdentifier + " is a " + firstEvent.getType() + ", not a " + type);
            }
            return delegate.createAggregateRoot(aggregateIdentifier, firstEvent);
        }

        @Override
        public Class<T> getAggregateType() {
            return delegate.getAggregateType();
        }
    }
}
