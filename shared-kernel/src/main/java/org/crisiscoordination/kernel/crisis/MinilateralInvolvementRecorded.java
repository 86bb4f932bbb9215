package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.MinilateralBloc;

/** An exclusive bloc's involvement in the hotspot was observed. */
public record MinilateralInvolvementRecorded(CrisisId crisisId, MinilateralBloc bloc, String description) {
}
