package org.crisiscoordination.kernel.channel;

import org.axonframework.serialization.Revision;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;

import java.util.List;
import java.util.Objects;

/**
 * The major powers were convened about a crisis; each is to acknowledge by its deadline.
 *
 * <p>Revision 2 holds the deadline as one {@code acknowledgement} ({@code within}, {@code by});
 * events stored before (no revision) hold {@code acknowledgeWithin} and {@code acknowledgeBy} side
 * by side, and are read through {@link org.crisiscoordination.kernel.evolution.AcknowledgementDeadlineGrouped}.
 */
@Revision("2")
public record MajorPowerChannelConvened(ChannelId channelId, CrisisId crisisId, List<MajorPower> participants,
                                        String agenda, AcknowledgementDeadline acknowledgement) {

    public MajorPowerChannelConvened {
        // an old payload read without its upcaster fails here, not later in a handler
        Objects.requireNonNull(acknowledgement, "acknowledgement");
    }
}
