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

class ReportReferralOutcomeTest {

    private static final CrisisId CRISIS = CrisisId.random();
    private static final ReferralId REFERRAL = ReferralId.random();
    private static final String FINDINGS = "Relief corridors are open";
    private static final String RECOMMENDATION = "Pre-position supplies";

    @Test
    void acceptsAWellFormedOutcome() {
        ReportReferralOutcome command = new ReportReferralOutcome(CRISIS, REFERRAL, FINDINGS, RECOMMENDATION);

        assertThat(command.findings()).isEqualTo(FINDINGS);
        assertThat(command.recommendation()).isEqualTo(RECOMMENDATION);
    }

    @Test
    void acceptsFindingsOfExactly4000Characters() {
        assertThatCode(() -> new ReportReferralOutcome(CRISIS, REFERRAL, text(4000), RECOMMENDATION)).doesNotThrowAnyException();
    }

    @Test
    void refusesFindingsLongerThan4000Characters() {
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, REFERRAL, text(4001), RECOMMENDATION)))
                .containsExactly(tooLong("findings", 4000));
    }

    @Test
    void countsTheFindingsInCodePoints() {
        assertThatCode(() -> new ReportReferralOutcome(CRISIS, REFERRAL, astralText(4000), RECOMMENDATION))
                .doesNotThrowAnyException();
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, REFERRAL, astralText(4001), RECOMMENDATION)))
                .containsExactly(tooLong("findings", 4000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesMissingOrBlankFindings(String findings) {
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, REFERRAL, findings, RECOMMENDATION)))
                .containsExactly(blank("findings"));
    }

    @Test
    void acceptsARecommendationOfExactly4000Characters() {
        assertThatCode(() -> new ReportReferralOutcome(CRISIS, REFERRAL, FINDINGS, text(4000))).doesNotThrowAnyException();
    }

    @Test
    void refusesARecommendationLongerThan4000Characters() {
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, REFERRAL, FINDINGS, text(4001))))
                .containsExactly(tooLong("recommendation", 4000));
    }

    @Test
    void countsTheRecommendationInCodePoints() {
        assertThatCode(() -> new ReportReferralOutcome(CRISIS, REFERRAL, FINDINGS, astralText(4000)))
                .doesNotThrowAnyException();
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, REFERRAL, FINDINGS, astralText(4001))))
                .containsExactly(tooLong("recommendation", 4000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankRecommendation(String recommendation) {
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, REFERRAL, FINDINGS, recommendation)))
                .containsExactly(blank("recommendation"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new ReportReferralOutcome(null, REFERRAL, FINDINGS, RECOMMENDATION)))
                .containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingReferralId() {
        assertThat(errorsOf(() -> new ReportReferralOutcome(CRISIS, null, FINDINGS, RECOMMENDATION)))
                .containsExactly(required("referralId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new ReportReferralOutcome(null, null, " ", text(4001))))
                .containsExactly(required("crisisId"), required("referralId"), blank("findings"),
                        tooLong("recommendation", 4000));
    }
}
