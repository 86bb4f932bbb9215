package org.crisiscoordination.kernel.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.Validator;

public record EndorseJointStatement(@TargetAggregateIdentifier ChannelId channelId, MajorPower participant,
                                    ProposalId proposalId) {

    public EndorseJointStatement {
        new Validator().notNull("channelId", channelId).notNull("participant", participant)
                .notNull("proposalId", proposalId).throwIfInvalid();
    }
}
