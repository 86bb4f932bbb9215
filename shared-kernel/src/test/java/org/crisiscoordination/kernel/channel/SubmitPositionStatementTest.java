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

class SubmitPositionStatementTest {

    private static final ChannelId CHANNEL = ChannelId.random();

    @Test
    void acceptsAWellFormedStatement() {
        assertThat(new SubmitPositionStatement(CHANNEL, MajorPower.IN, "We call for restraint").text())
                .isEqualTo("We call for restraint");
    }

    @Test
    void acceptsAStatementOfExactly4000Characters() {
        assertThatCode(() -> new SubmitPositionStatement(CHANNEL, MajorPower.IN, text(4000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAStatementLongerThan4000Characters() {
        assertThat(errorsOf(() -> new SubmitPositionStatement(CHANNEL, MajorPower.IN, text(4001))))
                .containsExactly(tooLong("text", 4000));
    }

    @Test
    void countsTheStatementInCodePoints() {
        assertThatCode(() -> new SubmitPositionStatement(CHANNEL, MajorPower.IN, astralText(4000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> new SubmitPositionStatement(CHANNEL, MajorPower.IN, astralText(4001))))
                .containsExactly(tooLong("text", 4000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankStatement(String text) {
        assertThat(errorsOf(() -> new SubmitPositionStatement(CHANNEL, MajorPower.IN, text))).containsExactly(blank("text"));
    }

    @Test
    void refusesAMissingChannelId() {
        assertThat(errorsOf(() -> new SubmitPositionStatement(null, MajorPower.IN, "t"))).containsExactly(required("channelId"));
    }

    @Test
    void refusesAMissingParticipant() {
        assertThat(errorsOf(() -> new SubmitPositionStatement(CHANNEL, null, "t"))).containsExactly(required("participant"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new SubmitPositionStatement(null, null, "")))
                .containsExactly(required("channelId"), required("participant"), blank("text"));
    }
}
