package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.validation.Validator;

public record AcceptReferral(@TargetAggregateIdentifier CrisisId crisisId, ReferralId referralId) {

    public AcceptReferral {
        new Validator().notNull("crisisId", crisisId).notNull("referralId", referralId).throwIfInvalid();
    }
}
