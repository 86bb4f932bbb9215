package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.crisiscoordination.kernel.validation.Refusals.astralText;
import static org.crisiscoordination.kernel.validation.Refusals.blank;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;
import static org.crisiscoordination.kernel.validation.Refusals.text;
import static org.crisiscoordination.kernel.validation.Refusals.tooLong;

class ProposeJointStatementTest {

    private static final ChannelId CHANNEL = ChannelId.random();
    private static final ProposalId PROPOSAL = ProposalId.random();

    @Test
    void acceptsAWellFormedProposal() {
        ProposeJointStatement command = new ProposeJointStatement(CHANNEL, PROPOSAL, MajorPower.ASEAN, "We agree to talk");

        assertThat(command.proposalId()).isEqualTo(PROPOSAL);
        assertThat(command.proposer()).isEqualTo(MajorPower.ASEAN);
    }

    @Test
    void acceptsAStatementOfExactly4000Characters() {
        assertThatCode(() -> withText(text(4000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAStatementLongerThan4000Characters() {
        assertThat(errorsOf(() -> withText(text(4001)))).containsExactly(tooLong("text", 4000));
    }

    @Test
    void countsTheStatementInCodePoints() {
        assertThatCode(() -> withText(astralText(4000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withText(astralText(4001)))).containsExactly(tooLong("text", 4000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankStatement(String text) {
        assertThat(errorsOf(() -> withText(text))).containsExactly(blank("text"));
    }

    @Test
    void refusesAMissingChannelId() {
        assertThat(errorsOf(() -> new ProposeJointStatement(null, PROPOSAL, MajorPower.CN, "t")))
                .containsExactly(required("channelId"));
    }

    @Test
    void refusesAMissingProposalId() {
        assertThat(errorsOf(() -> new ProposeJointStatement(CHANNEL, null, MajorPower.CN, "t")))
                .containsExactly(required("proposalId"));
    }

    @Test
    void refusesAMissingProposer() {
        assertThat(errorsOf(() -> new ProposeJointStatement(CHANNEL, PROPOSAL, null, "t"))).containsExactly(required("proposer"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new ProposeJointStatement(null, null, null, text(4001))))
                .containsExactly(required("channelId"), required("proposalId"), required("proposer"), tooLong("text", 4000));
    }

    private static ProposeJointStatement withText(String text) {
        return new ProposeJointStatement(CHANNEL, PROPOSAL, MajorPower.RU, text);
    }
}
