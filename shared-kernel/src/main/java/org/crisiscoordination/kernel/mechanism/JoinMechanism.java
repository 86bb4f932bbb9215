package org.crisiscoordination.kernel.mechanism;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.validation.Validator;

public record JoinMechanism(@TargetAggregateIdentifier MechanismId mechanismId, StateCode state) {

    public JoinMechanism {
        new Validator().notNull("mechanismId", mechanismId).notNull("state", state).throwIfInvalid();
    }

    public JoinMechanism(StateCode state) {
        this(MechanismId.ASIA_PACIFIC, state);
    }
}
