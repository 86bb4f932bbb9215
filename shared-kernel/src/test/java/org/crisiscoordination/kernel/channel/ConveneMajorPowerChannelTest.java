package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.US;
import static org.crisiscoordination.kernel.validation.Refusals.astralText;
import static org.crisiscoordination.kernel.validation.Refusals.blank;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;
import static org.crisiscoordination.kernel.validation.Refusals.text;
import static org.crisiscoordination.kernel.validation.Refusals.tooLong;

class ConveneMajorPowerChannelTest {

    private static final ChannelId CHANNEL = ChannelId.random();
    private static final CrisisId CRISIS = CrisisId.random();
    private static final String AGENDA = "Maritime incident near the Second Thomas Shoal";
    private static final FieldError ACKNOWLEDGE_WITHIN_REFUSED =
            error("acknowledgeWithin", "must be a positive duration of at most PT720H");

    @Test
    void acceptsAWellFormedConvening() {
        ConveneMajorPowerChannel command = convene(List.of(CN, US, ASEAN), Duration.ofHours(12));

        assertThat(command.channelId()).isEqualTo(CHANNEL);
        assertThat(command.crisisId()).isEqualTo(CRISIS);
        assertThat(command.participants()).containsExactly(CN, US, ASEAN);
        assertThat(command.acknowledgeWithin()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfTheParticipants() {
        List<MajorPower> participants = new ArrayList<>(List.of(CN, US));
        ConveneMajorPowerChannel command = convene(participants, null);
        participants.add(ASEAN);

        assertThat(command.participants()).containsExactly(CN, US).isUnmodifiable();
    }

    // --- acknowledgeWithin: default PT24H, positive, at most 30 days

    @Test
    void givesParticipantsTwentyFourHoursToAcknowledgeByDefault() {
        assertThat(convene(List.of(CN, US), null).acknowledgeWithin()).isEqualTo(Duration.parse("PT24H"));
        assertThat(ConveneMajorPowerChannel.DEFAULT_ACKNOWLEDGE_WITHIN).isEqualTo(Duration.parse("PT24H"));
    }

    @Test
    void acceptsAnAcknowledgementWindowOfExactlyThirtyDays() {
        assertThat(convene(List.of(CN, US), Duration.ofDays(30)).acknowledgeWithin()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void acceptsTheShortestPositiveAcknowledgementWindow() {
        assertThatCode(() -> convene(List.of(CN, US), Duration.ofNanos(1))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAcknowledgementWindowLongerThanThirtyDays() {
        assertThat(errorsOf(() -> convene(List.of(CN, US), Duration.ofDays(30).plusSeconds(1))))
                .containsExactly(ACKNOWLEDGE_WITHIN_REFUSED);
    }

    @Test
    void refusesAZeroAcknowledgementWindow() {
        assertThat(errorsOf(() -> convene(List.of(CN, US), Duration.ZERO))).containsExactly(ACKNOWLEDGE_WITHIN_REFUSED);
    }

    @Test
    void refusesANegativeAcknowledgementWindow() {
        assertThat(errorsOf(() -> convene(List.of(CN, US), Duration.ofHours(-1)))).containsExactly(ACKNOWLEDGE_WITHIN_REFUSED);
    }

    // --- participants: two or more distinct major powers

    @Test
    void refusesASingleParticipant() {
        assertThat(errorsOf(() -> convene(List.of(CN), null)))
                .containsExactly(error("participants", "a channel needs at least two major powers"));
    }

    @Test
    void refusesMissingParticipants() {
        assertThat(errorsOf(() -> convene(null, null))).containsExactly(error("participants", "must name at least one"));
    }

    @Test
    void refusesAnEmptyListOfParticipants() {
        List<FieldError> errors = errorsOf(() -> convene(List.of(), null));

        assertThat(errors).extracting(FieldError::field).containsOnly("participants");
        assertThat(errors).contains(error("participants", "must name at least one"));
    }

    @Test
    void refusesAParticipantNamedTwice() {
        assertThat(errorsOf(() -> convene(List.of(CN, US, CN), null)))
                .containsExactly(error("participants[2]", "CN appears more than once"));
    }

    @Test
    void refusesTheSamePowerTwiceAsTwoParticipants() {
        assertThat(errorsOf(() -> convene(List.of(US, US), null)))
                .containsExactly(error("participants[1]", "US appears more than once"));
    }

    @Test
    void refusesAMissingParticipant() {
        assertThat(errorsOf(() -> convene(Arrays.asList(CN, null, US), null))).containsExactly(required("participants[1]"));
    }

    // --- agenda: 1 to 2,000 characters

    @Test
    void acceptsAnAgendaOfExactly2000Characters() {
        assertThatCode(() -> withAgenda(text(2000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAgendaLongerThan2000Characters() {
        assertThat(errorsOf(() -> withAgenda(text(2001)))).containsExactly(tooLong("agenda", 2000));
    }

    @Test
    void countsTheAgendaInCodePoints() {
        assertThatCode(() -> withAgenda(astralText(2000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withAgenda(astralText(2001)))).containsExactly(tooLong("agenda", 2000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankAgenda(String agenda) {
        assertThat(errorsOf(() -> withAgenda(agenda))).containsExactly(blank("agenda"));
    }

    // --- ids

    @Test
    void refusesAMissingChannelId() {
        assertThat(errorsOf(() -> new ConveneMajorPowerChannel(null, CRISIS, List.of(CN, US), AGENDA, null)))
                .containsExactly(required("channelId"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new ConveneMajorPowerChannel(CHANNEL, null, List.of(CN, US), AGENDA, null)))
                .containsExactly(required("crisisId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new ConveneMajorPowerChannel(null, null, List.of(ASEAN), " ", Duration.ZERO)))
                .containsExactly(
                        required("channelId"),
                        required("crisisId"),
                        blank("agenda"),
                        error("participants", "a channel needs at least two major powers"),
                        ACKNOWLEDGE_WITHIN_REFUSED);
    }

    private static ConveneMajorPowerChannel convene(List<MajorPower> participants, Duration acknowledgeWithin) {
        return new ConveneMajorPowerChannel(CHANNEL, CRISIS, participants, AGENDA, acknowledgeWithin);
    }

    private static ConveneMajorPowerChannel withAgenda(String agenda) {
        return new ConveneMajorPowerChannel(CHANNEL, CRISIS, List.of(CN, US), agenda, null);
    }
}
