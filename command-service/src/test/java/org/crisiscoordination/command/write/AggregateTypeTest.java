package org.crisiscoordination.command.write;

import org.crisiscoordination.command.channel.MajorPowerChannel;
import org.crisiscoordination.command.crisis.Crisis;
import org.crisiscoordination.command.mechanism.SecurityMechanism;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The write path names aggregates by the type the event store records, which is their class's simple name. */
class AggregateTypeTest {

    @Test
    void eachAggregateTypeIsStoredUnderItsClassName() {
        Map<AggregateType, Class<?>> classes = Map.of(AggregateType.CRISIS, Crisis.class,
                AggregateType.CHANNEL, MajorPowerChannel.class, AggregateType.MECHANISM, SecurityMechanism.class);
        assertThat(classes).containsOnlyKeys(AggregateType.values());
        classes.forEach((type, aggregate) -> assertThat(type.storedName()).isEqualTo(aggregate.getSimpleName()));
    }
}
