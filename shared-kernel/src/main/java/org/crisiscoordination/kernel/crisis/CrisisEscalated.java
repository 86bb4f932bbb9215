package org.crisiscoordination.kernel.crisis;

/** The crisis became graver. */
public record CrisisEscalated(CrisisId crisisId, Severity previousSeverity, Severity severity, String reason) {
}
