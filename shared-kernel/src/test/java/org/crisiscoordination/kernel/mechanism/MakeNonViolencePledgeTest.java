package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Party;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;

class MakeNonViolencePledgeTest {

    @Test
    void isAddressedToTheAsiaPacificMechanism() {
        MakeNonViolencePledge command = new MakeNonViolencePledge(Party.of(MajorPower.ASEAN));

        assertThat(command.mechanismId()).isEqualTo(MechanismId.ASIA_PACIFIC);
        assertThat(command.party()).isEqualTo(Party.of("ASEAN"));
    }

    @Test
    void refusesAMissingParty() {
        assertThat(errorsOf(() -> new MakeNonViolencePledge(null))).containsExactly(required("party"));
    }

    @Test
    void refusesAMissingMechanismId() {
        assertThat(errorsOf(() -> new MakeNonViolencePledge(null, Party.of("PH")))).containsExactly(required("mechanismId"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new MakeNonViolencePledge(null, null)))
                .containsExactly(required("mechanismId"), required("party"));
    }
}
