package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;

/** A participant endorsed the current proposal. */
public record JointStatementEndorsed(ChannelId channelId, ProposalId proposalId, MajorPower participant) {
}
