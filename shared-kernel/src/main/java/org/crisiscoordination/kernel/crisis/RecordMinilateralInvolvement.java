package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.MinilateralBloc;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record RecordMinilateralInvolvement(@TargetAggregateIdentifier CrisisId crisisId, MinilateralBloc bloc,
                                           String description) {

    public RecordMinilateralInvolvement {
        new Validator().notNull("crisisId", crisisId).notNull("bloc", bloc)
                .text("description", description, TextLimits.DESCRIPTION).throwIfInvalid();
    }
}
