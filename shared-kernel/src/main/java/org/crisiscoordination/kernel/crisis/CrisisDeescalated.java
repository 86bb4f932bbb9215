package org.crisiscoordination.kernel.crisis;

/** The crisis became less grave. */
public record CrisisDeescalated(CrisisId crisisId, Severity previousSeverity, Severity severity, String reason) {
}
