package org.crisiscoordination.kernel.crisis;

/** The crisis was resolved; it takes no further commands. */
public record CrisisResolved(CrisisId crisisId, String resolution) {
}
