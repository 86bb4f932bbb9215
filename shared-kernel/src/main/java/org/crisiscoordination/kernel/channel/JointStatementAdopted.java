package org.crisiscoordination.kernel.channel;

/** Every participant endorsed the proposal: the joint statement is adopted by consensus. */
public record JointStatementAdopted(ChannelId channelId, ProposalId proposalId, String text) {
}
