package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;

/** The crisis's channel closed. */
public record PowerTrackClosed(CrisisId crisisId, ChannelId channelId, ChannelOutcome outcome) {
}
