package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.Organization;

/** The mechanism track took the crisis to an organisation; the referral awaits its answer. */
public record CrisisReferredToOrganization(CrisisId crisisId, ReferralId referralId, Organization organization, String mandate) {
}
