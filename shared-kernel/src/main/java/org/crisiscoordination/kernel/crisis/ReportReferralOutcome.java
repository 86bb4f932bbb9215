package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record ReportReferralOutcome(@TargetAggregateIdentifier CrisisId crisisId, ReferralId referralId,
                                    String findings, String recommendation) {

    public ReportReferralOutcome {
        new Validator().notNull("crisisId", crisisId).notNull("referralId", referralId)
                .text("findings", findings, TextLimits.FINDINGS)
                .text("recommendation", recommendation, TextLimits.RECOMMENDATION).throwIfInvalid();
    }
}
