package org.crisiscoordination.command.store;

import org.axonframework.spring.stereotype.Aggregate;
import org.crisiscoordination.command.channel.MajorPowerChannel;
import org.crisiscoordination.command.crisis.Crisis;
import org.crisiscoordination.command.mechanism.SecurityMechanism;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate types the query side reads from the store are the ones the aggregates are stored
 * under: Axon names a stream by its aggregate class's simple name unless {@code @Aggregate(type)}
 * says otherwise.
 */
class AggregateTypesTest {

    @Test
    void theSharedNamesAreTheAggregatesStoredTypes() {
        assertThat(storedType(Crisis.class)).isEqualTo(AggregateTypes.CRISIS);
        assertThat(storedType(MajorPowerChannel.class)).isEqualTo(AggregateTypes.CHANNEL);
        assertThat(storedType(SecurityMechanism.class)).isEqualTo(AggregateTypes.MECHANISM);
    }

    private static String storedType(Class<?> aggregate) {
        String declared = aggregate.getAnnotation(Aggregate.class).type();
        return declared.isEmpty() ? aggregate.getSimpleName() : declared;
    }
}
