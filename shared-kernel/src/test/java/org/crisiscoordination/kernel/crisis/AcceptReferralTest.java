package org.crisiscoordination.kernel.crisis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;

class AcceptReferralTest {

    @Test
    void acceptsACrisisAndAReferral() {
        CrisisId crisis = CrisisId.random();
        ReferralId referral = ReferralId.random();

        AcceptReferral command = new AcceptReferral(crisis, referral);

        assertThat(command.crisisId()).isEqualTo(crisis);
        assertThat(command.referralId()).isEqualTo(referral);
    }

    @Test
    void refusesAMissingCrisisId() {
        assertThat(errorsOf(() -> new AcceptReferral(null, ReferralId.random()))).containsExactly(required("crisisId"));
    }

    @Test
    void refusesAMissingReferralId() {
        assertThat(errorsOf(() -> new AcceptReferral(CrisisId.random(), null))).containsExactly(required("referralId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new AcceptReferral(null, null)))
                .containsExactly(required("crisisId"), required("referralId"));
    }
}
