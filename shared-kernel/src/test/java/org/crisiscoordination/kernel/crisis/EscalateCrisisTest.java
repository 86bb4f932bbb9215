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

class EscalateCrisisTest {

    private static final CrisisId CRISIS = CrisisId.random();
    private static final Severity SEVERITY = Severity.of(3);

    @Test
    void acceptsAWellFormedCommand() {
        EscalateCrisis command = new EscalateCrisis(CRISIS, SEVERITY, "Armed vessels sighted");

        assertThat(command.crisisId()).isEqualTo(CRISIS);
        assertThat(command.severity()).isEqualTo(SEVERITY);
    }

    @Test
    void acceptsAReasonOfExactly2000Characters() {
        assertThatCode(() -> new EscalateCrisis(CRISIS, SEVERITY, text(2000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAReasonLongerThan2000Characters() {
        assertThat(errorsOf(() -> new EscalateCrisis(CRISIS, SEVERITY, text(2001)))).containsExactly(tooLong("reason", 2000));
    }

    @Test
    void countsTheReasonInCodePoints() {
        assertThatCode(() -> new EscalateCrisis(CRISIS, SEVERITY, astralText(2000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> new EscalateCrisis(CRISIS, SEVERITY, astralText(2001))))
                .containsExactly(tooLong("reason", 2000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void refusesAMissingOrBlankReason(String reason) {
        assertThat(errorsOf(() -> new EscalateCrisis(CRISIS, SEVERITY, reason))).containsExactly(blank("reason"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new EscalateCrisis(null, SEVERITY, "reason"))).containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingSeverity() {
        assertThat(errorsOf(() -> new EscalateCrisis(CRISIS, null, "reason"))).containsExactly(required("severity"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new EscalateCrisis(null, null, "")))
                .containsExactly(required("crisisId"), required("severity"), blank("reason"));
    }
}
