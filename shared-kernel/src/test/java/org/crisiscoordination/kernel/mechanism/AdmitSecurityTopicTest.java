package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.region.SecurityTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;

class AdmitSecurityTopicTest {

    @Test
    void isAddressedToTheAsiaPacificMechanism() {
        AdmitSecurityTopic command = new AdmitSecurityTopic(SecurityTopic.COUNTER_PIRACY);

        assertThat(command.mechanismId()).isEqualTo(MechanismId.ASIA_PACIFIC);
        assertThat(command.topic()).isEqualTo(SecurityTopic.COUNTER_PIRACY);
    }

    @Test
    void refusesAMissingTopic() {
        assertThat(errorsOf(() -> new AdmitSecurityTopic(null))).containsExactly(required("topic"));
    }

    @Test
    void refusesAMissingMechanismId() {
        assertThat(errorsOf(() -> new AdmitSecurityTopic(null, SecurityTopic.COUNTER_PIRACY)))
                .containsExactly(required("mechanismId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new AdmitSecurityTopic(null, null)))
                .containsExactly(required("mechanismId"), required("topic"));
    }
}
