package org.crisiscoordination.kernel.crisis;

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

class ResolveCrisisTest {

    private static final CrisisId CRISIS = CrisisId.random();

    @Test
    void acceptsAWellFormedResolution() {
        assertThat(new ResolveCrisis(CRISIS, "Relief completed").resolution()).isEqualTo("Relief completed");
    }

    @Test
    void acceptsAResolutionOfExactly4000Characters() {
        assertThatCode(() -> new ResolveCrisis(CRISIS, text(4000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAResolutionLongerThan4000Characters() {
        assertThat(errorsOf(() -> new ResolveCrisis(CRISIS, text(4001)))).containsExactly(tooLong("resolution", 4000));
    }

    @Test
    void countsTheResolutionInCodePoints() {
        assertThatCode(() -> new ResolveCrisis(CRISIS, astralText(4000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> new ResolveCrisis(CRISIS, astralText(4001)))).containsExactly(tooLong("resolution", 4000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankResolution(String resolution) {
        assertThat(errorsOf(() -> new ResolveCrisis(CRISIS, resolution))).containsExactly(blank("resolution"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new ResolveCrisis(null, "done"))).containsExactly(required("crisisId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new ResolveCrisis(null, null))).containsExactly(required("crisisId"), blank("resolution"));
    }
}
