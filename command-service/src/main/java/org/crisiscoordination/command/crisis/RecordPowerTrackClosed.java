package org.crisiscoordination.command.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.crisis.CrisisId;

/**
 * The system's own command, not the API's: records in the crisis's stream that its channel was
 * closed, in the transaction that closes it (see {@code PowerTrackSynchronisation}).
 */
public record RecordPowerTrackClosed(@TargetAggregateIdentifier CrisisId crisisId, ChannelId channelId,
                                     ChannelOutcome outcome) {
}
