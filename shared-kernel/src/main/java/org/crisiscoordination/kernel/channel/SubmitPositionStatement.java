package org.crisiscoordination.kernel.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record SubmitPositionStatement(@TargetAggregateIdentifier ChannelId channelId, MajorPower participant,
                                      String text) {

    public SubmitPositionStatement {
        new Validator().notNull("channelId", channelId).notNull("participant", participant)
                .text("text", text, TextLimits.STATEMENT).throwIfInvalid();
    }
}
