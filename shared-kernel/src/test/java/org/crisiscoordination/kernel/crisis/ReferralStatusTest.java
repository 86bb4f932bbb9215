package org.crisiscoordination.kernel.crisis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralStatusTest {

    @Test
    void aReferralIsOpenWhilePendingOrAccepted() {
        assertThat(ReferralStatus.PENDING.isOpen()).isTrue();
        assertThat(ReferralStatus.ACCEPTED.isOpen()).isTrue();
    }

    @Test
    void aDeclinedOrReportedReferralIsClosed() {
        assertThat(ReferralStatus.DECLINED.isOpen()).isFalse();
        assertThat(ReferralStatus.OUTCOME_REPORTED.isOpen()).isFalse();
    }
}
