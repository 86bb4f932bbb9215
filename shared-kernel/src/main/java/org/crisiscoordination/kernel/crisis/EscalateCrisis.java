package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record EscalateCrisis(@TargetAggregateIdentifier CrisisId crisisId, Severity severity, String reason) {

    public EscalateCrisis {
        new Validator().notNull("crisisId", crisisId).notNull("severity", severity)
                .text("reason", reason, TextLimits.REASON).throwIfInvalid();
    }
}
