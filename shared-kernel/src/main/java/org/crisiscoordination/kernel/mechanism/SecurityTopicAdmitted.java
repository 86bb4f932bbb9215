package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.region.SecurityTopic;

/** A topic joined the agreed agenda. */
public record SecurityTopicAdmitted(MechanismId mechanismId, SecurityTopic topic, int tier) {
}
