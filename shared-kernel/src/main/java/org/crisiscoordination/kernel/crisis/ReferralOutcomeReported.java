package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.Organization;

/** The organisation reported what it found and recommends; the referral is closed. */
public record ReferralOutcomeReported(CrisisId crisisId, ReferralId referralId, Organization organization, String findings, String recommendation) {
}
