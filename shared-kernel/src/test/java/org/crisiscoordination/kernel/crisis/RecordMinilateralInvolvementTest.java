package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.MinilateralBloc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

class RecordMinilateralInvolvementTest {

    private static final CrisisId CRISIS = CrisisId.random();

    @ParameterizedTest
    @EnumSource(MinilateralBloc.class)
    void acceptsTheInvolvementOfEachKnownBloc(MinilateralBloc bloc) {
        assertThat(new RecordMinilateralInvolvement(CRISIS, bloc, "Joint patrol announced").bloc()).isEqualTo(bloc);
    }

    @Test
    void acceptsADescriptionOfExactly2000Characters() {
        assertThatCode(() -> withDescription(text(2000))).doesNotThrowAnyException();
    }

    @Test
    void refusesADescriptionLongerThan2000Characters() {
        assertThat(errorsOf(() -> withDescription(text(2001)))).containsExactly(tooLong("description", 2000));
    }

    @Test
    void countsTheDescriptionInCodePoints() {
        assertThatCode(() -> withDescription(astralText(2000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withDescription(astralText(2001)))).containsExactly(tooLong("description", 2000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankDescription(String description) {
        assertThat(errorsOf(() -> withDescription(description))).containsExactly(blank("description"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new RecordMinilateralInvolvement(null, MinilateralBloc.QUAD, "d")))
                .containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingBloc() {
        assertThat(errorsOf(() -> new RecordMinilateralInvolvement(CRISIS, null, "d"))).containsExactly(required("bloc"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new RecordMinilateralInvolvement(null, null, "")))
                .containsExactly(required("crisisId"), required("bloc"), blank("description"));
    }

    private static RecordMinilateralInvolvement withDescription(String description) {
        return new RecordMinilateralInvolvement(CRISIS, MinilateralBloc.AUKUS, description);
    }
}
