package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.crisiscoordination.kernel.validation.Refusals.astralText;
import static org.crisiscoordination.kernel.validation.Refusals.blank;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;
import static org.crisiscoordination.kernel.validation.Refusals.text;
import static org.crisiscoordination.kernel.validation.Refusals.tooLong;

class RaiseRegionalCrisisTest {

    private static final CrisisId CRISIS = CrisisId.random();
    private static final StateCode PH = StateCode.of("PH");
    private static final StateCode VN = StateCode.of("VN");
    private static final String TITLE = "Typhoon landfall in Eastern Visayas";
    private static final String HOTSPOT = "Leyte Gulf";
    private static final String SUMMARY = "A category 5 typhoon made landfall; relief is needed.";

    @Test
    void acceptsAWellFormedCrisis() {
        RaiseRegionalCrisis command = new RaiseRegionalCrisis(CRISIS, TITLE, HOTSPOT, SecurityTopic.DISASTER_RELIEF,
                Severity.of(4), List.of(PH, VN), SUMMARY);

        assertThat(command.title()).isEqualTo(TITLE);
        assertThat(command.involvedStates()).containsExactly(PH, VN);
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfTheInvolvedStates() {
        List<StateCode> states = new ArrayList<>(List.of(PH));
        RaiseRegionalCrisis command = raise(states);
        states.add(VN);

        assertThat(command.involvedStates()).containsExactly(PH).isUnmodifiable();
    }

    // --- title: 1 to 200 characters

    @Test
    void acceptsATitleOfExactly200Characters() {
        assertThatCode(() -> withTitle(text(200))).doesNotThrowAnyException();
    }

    @Test
    void refusesATitleLongerThan200Characters() {
        assertThat(errorsOf(() -> withTitle(text(201)))).containsExactly(tooLong("title", 200));
    }

    @Test
    void countsTheTitleInCodePoints() {
        assertThatCode(() -> withTitle(astralText(200))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withTitle(astralText(201)))).containsExactly(tooLong("title", 200));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesAMissingOrBlankTitle(String title) {
        assertThat(errorsOf(() -> withTitle(title))).containsExactly(blank("title"));
    }

    @Test
    void acceptsAOneCharacterTitle() {
        assertThatCode(() -> withTitle("X")).doesNotThrowAnyException();
    }

    // --- hotspot: 1 to 200 characters

    @Test
    void acceptsAHotspotOfExactly200Characters() {
        assertThatCode(() -> withHotspot(text(200))).doesNotThrowAnyException();
    }

    @Test
    void refusesAHotspotLongerThan200Characters() {
        assertThat(errorsOf(() -> withHotspot(text(201)))).containsExactly(tooLong("hotspot", 200));
    }

    @Test
    void countsTheHotspotInCodePoints() {
        assertThatCode(() -> withHotspot(astralText(200))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withHotspot(astralText(201)))).containsExactly(tooLong("hotspot", 200));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesAMissingOrBlankHotspot(String hotspot) {
        assertThat(errorsOf(() -> withHotspot(hotspot))).containsExactly(blank("hotspot"));
    }

    // --- summary: 1 to 4,000 characters

    @Test
    void acceptsASummaryOfExactly4000Characters() {
        assertThatCode(() -> withSummary(text(4000))).doesNotThrowAnyException();
    }

    @Test
    void refusesASummaryLongerThan4000Characters() {
        assertThat(errorsOf(() -> withSummary(text(4001)))).containsExactly(tooLong("summary", 4000));
    }

    @Test
    void countsTheSummaryInCodePoints() {
        assertThatCode(() -> withSummary(astralText(4000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withSummary(astralText(4001)))).containsExactly(tooLong("summary", 4000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "\n\t"})
    void refusesAMissingOrBlankSummary(String summary) {
        assertThat(errorsOf(() -> withSummary(summary))).containsExactly(blank("summary"));
    }

    // --- required values

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new RaiseRegionalCrisis(null, TITLE, HOTSPOT, SecurityTopic.DISASTER_RELIEF,
                Severity.of(4), List.of(PH), SUMMARY))).containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingTopic() {
        assertThat(errorsOf(() -> new RaiseRegionalCrisis(CRISIS, TITLE, HOTSPOT, null,
                Severity.of(4), List.of(PH), SUMMARY))).containsExactly(required("topic"));
    }

    @Test
    void refusesAMissingSeverity() {
        assertThat(errorsOf(() -> new RaiseRegionalCrisis(CRISIS, TITLE, HOTSPOT, SecurityTopic.DISASTER_RELIEF,
                null, List.of(PH), SUMMARY))).containsExactly(required("severity"));
    }

    // --- involved states: at least one, no duplicates

    @Test
    void refusesMissingInvolvedStates() {
        assertThat(errorsOf(() -> raise(null))).containsExactly(error("involvedStates", "must name at least one"));
    }

    @Test
    void refusesAnEmptyListOfInvolvedStates() {
        assertThat(errorsOf(() -> raise(List.of()))).containsExactly(error("involvedStates", "must name at least one"));
    }

    @Test
    void refusesAnInvolvedStateNamedTwice() {
        assertThat(errorsOf(() -> raise(List.of(PH, VN, PH))))
                .containsExactly(error("involvedStates[2]", "PH appears more than once"));
    }

    @Test
    void refusesAMissingInvolvedState() {
        assertThat(errorsOf(() -> raise(Arrays.asList(PH, null)))).containsExactly(required("involvedStates[1]"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new RaiseRegionalCrisis(null, " ", text(201), null, null, List.of(), null)))
                .containsExactly(
                        required("crisisId"),
                        blank("title"),
                        tooLong("hotspot", 200),
                        required("topic"),
                        required("severity"),
                        error("involvedStates", "must name at least one"),
                        blank("summary"));
    }

    private static RaiseRegionalCrisis raise(List<StateCode> states) {
        return new RaiseRegionalCrisis(CRISIS, TITLE, HOTSPOT, SecurityTopic.DISASTER_RELIEF, Severity.of(4), states, SUMMARY);
    }

    private static RaiseRegionalCrisis withTitle(String title) {
        return new RaiseRegionalCrisis(CRISIS, title, HOTSPOT, SecurityTopic.DISASTER_RELIEF, Severity.of(4), List.of(PH), SUMMARY);
    }

    private static RaiseRegionalCrisis withHotspot(String hotspot) {
        return new RaiseRegionalCrisis(CRISIS, TITLE, hotspot, SecurityTopic.DISASTER_RELIEF, Severity.of(4), List.of(PH), SUMMARY);
    }

    private static RaiseRegionalCrisis withSummary(String summary) {
        return new RaiseRegionalCrisis(CRISIS, TITLE, HOTSPOT, SecurityTopic.DISASTER_RELIEF, Severity.of(4), List.of(PH), summary);
    }
}
