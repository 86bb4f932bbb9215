package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.region.StateCode;

/** A state of the region joined the mechanism. */
public record MemberStateJoined(MechanismId mechanismId, StateCode state) {
}
