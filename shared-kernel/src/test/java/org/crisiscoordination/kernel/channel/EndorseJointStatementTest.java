package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;

class EndorseJointStatementTest {

    private static final ChannelId CHANNEL = ChannelId.random();
    private static final ProposalId PROPOSAL = ProposalId.random();

    @Test
    void acceptsAWellFormedEndorsement() {
        EndorseJointStatement command = new EndorseJointStatement(CHANNEL, MajorPower.US, PROPOSAL);

        assertThat(command.participant()).isEqualTo(MajorPower.US);
        assertThat(command.proposalId()).isEqualTo(PROPOSAL);
    }

    @Test
    void refusesAMissingChannelId() {
        assertThat(errorsOf(() -> new EndorseJointStatement(null, MajorPower.US, PROPOSAL))).containsExactly(required("channelId"));
    }

    @Test
    void refusesAMissingParticipant() {
        assertThat(errorsOf(() -> new EndorseJointStatement(CHANNEL, null, PROPOSAL))).containsExactly(required("participant"));
    }

    @Test
    void refusesAMissingProposalId() {
        assertThat(errorsOf(() -> new EndorseJointStatement(CHANNEL, MajorPower.US, null))).containsExactly(required("proposalId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new EndorseJointStatement(null, null, null)))
                .containsExactly(required("channelId"), required("participant"), required("proposalId"));
    }
}
