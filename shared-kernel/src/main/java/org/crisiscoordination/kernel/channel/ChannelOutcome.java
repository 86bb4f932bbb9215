package org.crisiscoordination.kernel.channel;

/** How a channel ended. {@link #CRISIS_RESOLVED} is the system's own: only resolving the crisis gives it. */
public enum ChannelOutcome {
    JOINT_STATEMENT_ADOPTED, NO_CONSENSUS, SUPERSEDED, CRISIS_RESOLVED
}
