package org.crisiscoordination.kernel.evolution;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * How every stored event is read in its current shape: the upcasters of every event that changed
 * shape, in the order the changes were made. Both services read events only through this chain
 * (each registers it with Axon), so an event type evolves in one place.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static EventUpcaster upcasters() {
        return new EventUpcasterChain(
                new AcknowledgementDeadlineGrouped());
    }
}
