package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record ResolveCrisis(@TargetAggregateIdentifier CrisisId crisisId, String resolution) {

    public ResolveCrisis {
        new Validator().notNull("crisisId", crisisId).text("resolution", resolution, TextLimits.RESOLUTION)
                .throwIfInvalid();
    }
}
