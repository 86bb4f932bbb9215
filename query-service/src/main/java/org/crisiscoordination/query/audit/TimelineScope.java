package org.crisiscoordination.query.audit;

import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.web.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The aggregates whose events make up a timeline. A crisis's timeline is its own stream and those
 * of its channels, which its stream names; asked again, it includes a channel convened since.
 */
record TimelineScope(String describes, Supplier<List<String>> aggregates) {

    static TimelineScope ofCrisis(CrisisId crisisId, EventStoreReader store) {
        String id = crisisId.toString();
        if (!AggregateTypes.CRISIS.equals(store.aggregateType(id))) {
            throw new NotFoundException("no crisis " + id + " is in the store");
        }
        return new TimelineScope("crisis " + id, () -> {
            List<String> aggregates = new ArrayList<>(store.channelsOf(id));
            aggregates.add(id);
            return aggregates;
        });
    }

    static TimelineScope ofChannel(ChannelId channelId, EventStoreReader store) {
        String id = channelId.toString();
        if (!AggregateTypes.CHANNEL.equals(store.aggregateType(id))) {
            throw new NotFoundException("no channel " + id + " is in the store");
        }
        return new TimelineScope("channel " + id, () -> List.of(id));
    }
}
