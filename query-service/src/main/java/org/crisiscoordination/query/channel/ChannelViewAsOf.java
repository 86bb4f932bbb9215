package org.crisiscoordination.query.channel;

import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.asof.PastPosition;
import org.crisiscoordination.query.asof.PastReadModel;
import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A channel as its view showed it at a past position: the channel view's projection folds the
 * channel's events, and the mechanism's projection the pledges the view joins in.
 */
@Component
class ChannelViewAsOf {

    static final List<String> TABLES = List.of("channel", "channel_participant", "channel_statement",
            "channel_proposal", "channel_endorsement", "mechanism_topic", "mechanism_member", "mechanism_pledge");

    private final PastReadModel past;
    private final PastPosition positions;
    private final ChannelViewProjection channels;
    private final SecurityMechanismProjection mechanism;
    private final ChannelViewRepository view;

    ChannelViewAsOf(PastReadModel past, PastPosition positions, ChannelViewProjection channels,
                    SecurityMechanismProjection mechanism, ChannelViewRepository view) {
        this.past = past;
        this.positions = positions;
        this.channels = channels;
        this.mechanism = mechanism;
        this.view = view;
    }

    Optional<ChannelView> find(UUID channelId, String asOf) {
        long position = positions.of(asOf);
        return past.at(position, new PastReadModel.Fold(List.of(channels, mechanism), TABLES,
                        PastReadModel.aggregates(Set.of(channelId.toString()), Set.of(AggregateTypes.MECHANISM))),
                () -> view.find(channelId));
    }
}
