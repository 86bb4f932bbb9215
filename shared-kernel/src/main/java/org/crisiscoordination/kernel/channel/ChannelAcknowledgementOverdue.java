package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;
import java.time.Instant;

/** A participant had not acknowledged by its deadline. */
public record ChannelAcknowledgementOverdue(ChannelId channelId, MajorPower participant, Instant due) {
}
