package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.region.StateCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;

class JoinMechanismTest {

    @Test
    void isAddressedToTheAsiaPacificMechanism() {
        JoinMechanism command = new JoinMechanism(StateCode.of("TL"));

        assertThat(command.mechanismId()).isEqualTo(MechanismId.ASIA_PACIFIC);
        assertThat(command.state()).isEqualTo(StateCode.of("TL"));
    }

    @Test
    void refusesAMissingState() {
        assertThat(errorsOf(() -> new JoinMechanism(null))).containsExactly(required("state"));
    }

    @Test
    void refusesAMissingMechanismId() {
        assertThat(errorsOf(() -> new JoinMechanism(null, StateCode.of("TL")))).containsExactly(required("mechanismId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new JoinMechanism(null, null)))
                .containsExactly(required("mechanismId"), required("state"));
    }
}
