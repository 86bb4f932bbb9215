package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record ReferCrisisToOrganization(@TargetAggregateIdentifier CrisisId crisisId, ReferralId referralId,
                                        Organization organization, String mandate) {

    public ReferCrisisToOrganization {
        new Validator().notNull("crisisId", crisisId).notNull("referralId", referralId)
                .notNull("organization", organization).text("mandate", mandate, TextLimits.MANDATE)
                .throwIfInvalid();
    }
}
