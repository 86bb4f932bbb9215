package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;

/** A participant acknowledged the channel; {@code late} when after its deadline. */
public record ChannelParticipationAcknowledged(ChannelId channelId, MajorPower participant, boolean late) {
}
