package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The major powers were convened about a crisis; each is to acknowledge by {@code acknowledgeBy}. */
public record MajorPowerChannelConvened(ChannelId channelId, CrisisId crisisId, List<MajorPower> participants, String agenda, Duration acknowledgeWithin, Instant acknowledgeBy) {
}
