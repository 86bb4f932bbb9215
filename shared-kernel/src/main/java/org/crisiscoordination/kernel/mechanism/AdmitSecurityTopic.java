package org.crisiscoordination.kernel.mechanism;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.validation.Validator;

public record AdmitSecurityTopic(@TargetAggregateIdentifier MechanismId mechanismId, SecurityTopic topic) {

    public AdmitSecurityTopic {
        new Validator().notNull("mechanismId", mechanismId).notNull("topic", topic).throwIfInvalid();
    }

    public AdmitSecurityTopic(SecurityTopic topic) {
        this(MechanismId.ASIA_PACIFIC, topic);
    }
}
