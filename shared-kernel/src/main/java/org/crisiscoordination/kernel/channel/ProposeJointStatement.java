package org.crisiscoordination.kernel.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

public record ProposeJointStatement(@TargetAggregateIdentifier ChannelId channelId, ProposalId proposalId,
                                    MajorPower proposer, String text) {

    public ProposeJointStatement {
        new Validator().notNull("channelId", channelId).notNull("proposalId", proposalId)
                .notNull("proposer", proposer).text("text", text, TextLimits.STATEMENT).throwIfInvalid();
    }
}
