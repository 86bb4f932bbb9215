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

class DeclineReferralTest {

    private static final CrisisId CRISIS = CrisisId.random();
    private static final ReferralId REFERRAL = ReferralId.random();

    @Test
    void acceptsAWellFormedDecline() {
        assertThat(new DeclineReferral(CRISIS, REFERRAL, "Outside our remit").reason()).isEqualTo("Outside our remit");
    }

    @Test
    void acceptsAReasonOfExactly2000Characters() {
        assertThatCode(() -> new DeclineReferral(CRISIS, REFERRAL, text(2000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAReasonLongerThan2000Characters() {
        assertThat(errorsOf(() -> new DeclineReferral(CRISIS, REFERRAL, text(2001)))).containsExactly(tooLong("reason", 2000));
    }

    @Test
    void countsTheReasonInCodePoints() {
        assertThatCode(() -> new DeclineReferral(CRISIS, REFERRAL, astralText(2000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> new DeclineReferral(CRISIS, REFERRAL, astralText(2001))))
                .containsExactly(tooLong("reason", 2000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankReason(String reason) {
        assertThat(errorsOf(() -> new DeclineReferral(CRISIS, REFERRAL, reason))).containsExactly(blank("reason"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new DeclineReferral(null, REFERRAL, "r"))).containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingReferralId() {
        assertThat(errorsOf(() -> new DeclineReferral(CRISIS, null, "r"))).containsExactly(required("referralId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new DeclineReferral(null, null, null)))
                .containsExactly(required("crisisId"), required("referralId"), blank("reason"));
    }
}
