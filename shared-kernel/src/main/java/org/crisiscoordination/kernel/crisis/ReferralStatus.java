package org.crisiscoordination.kernel.crisis;

/** PENDING awaits an answer; ACCEPTED then OUTCOME_REPORTED, or DECLINED. Open while PENDING or ACCEPTED. */
public enum ReferralStatus {
    PENDING, ACCEPTED, DECLINED, OUTCOME_REPORTED;

    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED;
    }
}
