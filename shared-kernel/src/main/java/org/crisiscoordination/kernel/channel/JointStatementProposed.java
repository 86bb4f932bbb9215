package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;

/** A participant proposed a joint statement; it replaces {@code replacedProposalId}, if any, and its endorsements. */
public record JointStatementProposed(ChannelId channelId, ProposalId proposalId, MajorPower proposer, String text, ProposalId replacedProposalId) {
}
