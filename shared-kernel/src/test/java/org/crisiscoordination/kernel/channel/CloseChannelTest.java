package org.crisiscoordination.kernel.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.crisiscoordination.kernel.validation.Refusals.astralText;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;
import static org.crisiscoordination.kernel.validation.Refusals.text;
import static org.crisiscoordination.kernel.validation.Refusals.tooLong;

class CloseChannelTest {

    private static final ChannelId CHANNEL = ChannelId.random();

    @ParameterizedTest
    @EnumSource(value = ChannelOutcome.class, names = {"JOINT_STATEMENT_ADOPTED", "NO_CONSENSUS", "SUPERSEDED"})
    void acceptsAnOutcomeACallerMayChoose(ChannelOutcome outcome) {
        assertThat(new CloseChannel(CHANNEL, outcome, "Talks concluded").outcome()).isEqualTo(outcome);
    }

    @Test
    void refusesTheOutcomeTheSystemRecordsWhenTheCrisisResolves() {
        assertThat(errorsOf(() -> new CloseChannel(CHANNEL, ChannelOutcome.CRISIS_RESOLVED, null)))
                .containsExactly(error("outcome", "CRISIS_RESOLVED is recorded by the system when the crisis resolves"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {""})
    void acceptsAMissingOrEmptyNote(String note) {
        assertThat(new CloseChannel(CHANNEL, ChannelOutcome.NO_CONSENSUS, note).note()).isEqualTo(note);
    }

    @Test
    void acceptsANoteOfExactly2000Characters() {
        assertThatCode(() -> new CloseChannel(CHANNEL, ChannelOutcome.NO_CONSENSUS, text(2000))).doesNotThrowAnyException();
    }

    @Test
    void refusesANoteLongerThan2000Characters() {
        assertThat(errorsOf(() -> new CloseChannel(CHANNEL, ChannelOutcome.NO_CONSENSUS, text(2001))))
                .containsExactly(tooLong("note", 2000));
    }

    @Test
    void countsTheNoteInCodePoints() {
        assertThatCode(() -> new CloseChannel(CHANNEL, ChannelOutcome.SUPERSEDED, astralText(2000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> new CloseChannel(CHANNEL, ChannelOutcome.SUPERSEDED, astralText(2001))))
                .containsExactly(tooLong("note", 2000));
    }

    @Test
    void refusesAMissingChannelId() {
        assertThat(errorsOf(() -> new CloseChannel(null, ChannelOutcome.NO_CONSENSUS, null))).containsExactly(required("channelId"));
    }

    @Test
    void refusesAMissingOutcome() {
        assertThat(errorsOf(() -> new CloseChannel(CHANNEL, null, null))).containsExactly(required("outcome"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new CloseChannel(null, ChannelOutcome.CRISIS_RESOLVED, text(2001))))
                .containsExactly(
                        required("channelId"),
                        tooLong("note", 2000),
                        error("outcome", "CRISIS_RESOLVED is recorded by the system when the crisis resolves"));
    }
}
