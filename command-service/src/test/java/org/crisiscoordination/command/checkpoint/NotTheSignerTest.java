package org.crisiscoordination.command.checkpoint;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An instance that is not the signer touches neither the log nor the database (it has none here). */
class NotTheSignerTest {

    private static CheckpointSigner signer(boolean isSigner) {
        return new CheckpointSigner(null, null, null,
                new CheckpointProperties(null, "log", Duration.ofMinutes(1), Duration.ofSeconds(1), isSigner));
    }

    @Test
    void refusesToSignOnDemand() {
        assertThatThrownBy(() -> signer(false).signNow()).isInstanceOf(NotTheSignerException.class);
    }

    @Test
    void neitherAssignsLeavesNorSignsPeriodically() {
        CheckpointSigner notTheSigner = signer(false);
        assertThatCode(notTheSigner::assignLeavesPeriodically).doesNotThrowAnyException();
        assertThatCode(notTheSigner::signPeriodically).doesNotThrowAnyException();
    }

    @Test
    void theSignerGoesOnToTheDatabase() {
        assertThatThrownBy(() -> signer(true).signNow()).isNotInstanceOf(NotTheSignerException.class);
    }
}
