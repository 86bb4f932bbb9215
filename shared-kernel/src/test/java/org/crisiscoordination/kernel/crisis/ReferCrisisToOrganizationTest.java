package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.region.Organization;
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

class ReferCrisisToOrganizationTest {

    private static final CrisisId CRISIS = CrisisId.random();
    private static final ReferralId REFERRAL = ReferralId.random();
    private static final String MANDATE = "Coordinate humanitarian relief";

    @ParameterizedTest
    @EnumSource(Organization.class)
    void acceptsAReferralToEachOrganisation(Organization organization) {
        ReferCrisisToOrganization command = new ReferCrisisToOrganization(CRISIS, REFERRAL, organization, MANDATE);

        assertThat(command.organization()).isEqualTo(organization);
    }

    @Test
    void acceptsAMandateOfExactly2000Characters() {
        assertThatCode(() -> withMandate(text(2000))).doesNotThrowAnyException();
    }

    @Test
    void refusesAMandateLongerThan2000Characters() {
        assertThat(errorsOf(() -> withMandate(text(2001)))).containsExactly(tooLong("mandate", 2000));
    }

    @Test
    void countsTheMandateInCodePoints() {
        assertThatCode(() -> withMandate(astralText(2000))).doesNotThrowAnyException();
        assertThat(errorsOf(() -> withMandate(astralText(2001)))).containsExactly(tooLong("mandate", 2000));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void refusesAMissingOrBlankMandate(String mandate) {
        assertThat(errorsOf(() -> withMandate(mandate))).containsExactly(blank("mandate"));
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new ReferCrisisToOrganization(null, REFERRAL, Organization.ASEAN, MANDATE)))
                .containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingReferralId() {
        assertThat(errorsOf(() -> new ReferCrisisToOrganization(CRISIS, null, Organization.ASEAN, MANDATE)))
                .containsExactly(required("referralId"));
    }

    @Test
    void refusesAMissingOrganisation() {
        assertThat(errorsOf(() -> new ReferCrisisToOrganization(CRISIS, REFERRAL, null, MANDATE)))
                .containsExactly(required("organization"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new ReferCrisisToOrganization(null, null, null, text(2001))))
                .containsExactly(required("crisisId"), required("referralId"), required("organization"),
                        tooLong("mandate", 2000));
    }

    private static ReferCrisisToOrganization withMandate(String mandate) {
        return new ReferCrisisToOrganization(CRISIS, REFERRAL, Organization.SCO, mandate);
    }
}
