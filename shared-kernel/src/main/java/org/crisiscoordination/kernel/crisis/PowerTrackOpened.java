package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.channel.ChannelId;

/** A major-power channel was convened for the crisis; recorded in the crisis's stream so that one open channel per crisis holds under concurrency. */
public record PowerTrackOpened(CrisisId crisisId, ChannelId channelId) {
}
