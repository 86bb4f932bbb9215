package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.Organization;

/** The organisation took up the referral. */
public record ReferralAccepted(CrisisId crisisId, ReferralId referralId, Organization organization) {
}
