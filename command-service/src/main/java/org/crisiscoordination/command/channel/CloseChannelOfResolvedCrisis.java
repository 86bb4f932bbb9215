package org.crisiscoordination.command.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.channel.ChannelId;

/**
 * The system's own command, not the API's: closes a channel because its crisis resolved, in the
 * transaction that resolves it (see {@code PowerTrackSynchronisation}).
 */
public record CloseChannelOfResolvedCrisis(@TargetAggregateIdentifier ChannelId channelId) {
}
