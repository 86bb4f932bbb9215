package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.Organization;

/** The organisation declined the referral. */
public record ReferralDeclined(CrisisId crisisId, ReferralId referralId, Organization organization, String reason) {
}
