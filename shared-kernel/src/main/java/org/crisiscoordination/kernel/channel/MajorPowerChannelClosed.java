package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.crisis.CrisisId;

/** The channel closed; it takes no further commands. */
public record MajorPowerChannelClosed(ChannelId channelId, CrisisId crisisId, ChannelOutcome outcome, String note) {
}
