package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;

/** A participant stated its position. */
public record PositionStatementSubmitted(ChannelId channelId, MajorPower participant, String text) {
}
