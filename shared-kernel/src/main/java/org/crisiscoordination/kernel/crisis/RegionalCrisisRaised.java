package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import java.util.List;

/** A crisis was raised: the first event of its stream. */
public record RegionalCrisisRaised(CrisisId crisisId, String title, String hotspot, SecurityTopic topic, Severity severity, List<StateCode> involvedStates, String summary) {
}
