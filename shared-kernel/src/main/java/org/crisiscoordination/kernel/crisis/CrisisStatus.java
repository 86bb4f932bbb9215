package org.crisiscoordination.kernel.crisis;

/** RAISED, then COORDINATING once a referral or a channel engages a track, then RESOLVED. */
public enum CrisisStatus {
    RAISED, COORDINATING, RESOLVED
}
