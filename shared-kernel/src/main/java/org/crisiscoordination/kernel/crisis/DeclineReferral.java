package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record DeclineReferral(@TargetAggregateIdentifier CrisisId crisisId, ReferralId referralId, String reason) {

    public DeclineReferral {
        new Validator().notNull("crisisId", crisisId).notNull("referralId", referralId)
                .text("reason", reason, TextLimits.REASON).throwIfInvalid();
    }
}
