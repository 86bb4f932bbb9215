package org.crisiscoordination.kernel.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.Validator;

public record AcknowledgeChannel(@TargetAggregateIdentifier ChannelId channelId, MajorPower participant) {

    public AcknowledgeChannel {
        new Validator().notNull("channelId", channelId).notNull("participant", participant).throwIfInvalid();
    }
}
