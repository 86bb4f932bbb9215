package org.crisiscoordination.kernel.mechanism;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.validation.Validator;

/** Pledges "not resorting to violence and preventing armed conflicts". */
public record MakeNonViolencePledge(@TargetAggregateIdentifier MechanismId mechanismId, Party party) {

    public MakeNonViolencePledge {
        new Validator().notNull("mechanismId", mechanismId).notNull("party", party).throwIfInvalid();
    }

    public MakeNonViolencePledge(Party party) {
        this(MechanismId.ASIA_PACIFIC, party);
    }
}
