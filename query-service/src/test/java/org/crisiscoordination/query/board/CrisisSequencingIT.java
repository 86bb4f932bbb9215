package org.crisiscoordination.query.board;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.readmodel.TableSet;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's processors of both table sets put a channel's events in its crisis's sequence, so
 * that with several segments (or a rebuild of the idle set) no channel event is applied to a
 * crisis row its segment has not yet written.
 */
class CrisisSequencingIT extends QueryServiceIT {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore store;

    @ParameterizedTest
    @EnumSource(TableSet.class)
    void aChannelsEventsAreSequencedWithItsCrisis(TableSet set) {
        History history = new History(events);
        CrisisId crisis = history.raise(SecurityTopic.MARITIME_SECURITY, T0, "PH", "VN");
        ChannelId channel = history.convene(crisis, T0, Duration.ofDays(1), MajorPower.CN, MajorPower.US);
        SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(set.processor(CrisisBoardProjection.NAME));

        List<? extends DomainEventMessage<?>> crisisEvents = store.readEvents(crisis.toString()).asStream().toList();
        List<? extends DomainEventMessage<?>> channelEvents = store.readEvents(channel.toString()).asStream().toList();

        assertThat(crisisEvents).hasSize(2);
        assertThat(channelEvents).hasSize(1);
        for (DomainEventMessage<?> event : channelEvents) {
            assertThat(policy.getSequenceIdentifierFor(event)).isEqualTo(crisis.toString());
        }
        for (DomainEventMessage<?> event : crisisEvents) {
            assertThat(policy.getSequenceIdentifierFor(event)).isEqualTo(crisis.toString());
        }
    }
}
