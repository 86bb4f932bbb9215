package org.crisiscoordination.kernel.region;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.region.OrganizationTest.states;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class MajorPowerTest {

    @Test
    void theMechanismHasFivePowersAndAsean() {
        assertThat(MajorPower.values()).containsExactly(
                MajorPower.CN, MajorPower.US, MajorPower.RU, MajorPower.JP, MajorPower.IN, MajorPower.ASEAN);
    }

    @Test
    void eachOfTheFivePowersIsAState() {
        assertThat(MajorPower.CN.state()).contains(StateCode.of("CN"));
        assertThat(MajorPower.US.state()).contains(StateCode.of("US"));
        assertThat(MajorPower.RU.state()).contains(StateCode.of("RU"));
        assertThat(MajorPower.JP.state()).contains(StateCode.of("JP"));
        assertThat(MajorPower.IN.state()).contains(StateCode.of("IN"));
    }

    @Test
    void aseanIsABlocNotAState() {
        assertThat(MajorPower.ASEAN.state()).isEmpty();
    }

    @Test
    void findsThePowerAStateIs() {
        assertThat(MajorPower.ofState(StateCode.of("IN"))).contains(MajorPower.IN);
        assertThat(MajorPower.ofState(StateCode.of("JP"))).contains(MajorPower.JP);
    }

    @Test
    void findsNoPowerForAnotherState() {
        assertThat(MajorPower.ofState(StateCode.of("PH"))).isEmpty();
        assertThat(MajorPower.ofState(StateCode.of("GB"))).isEmpty();
    }

    @Test
    void aseanIsConcernedWhenAnInvolvedStateIsAMember() {
        assertThat(MajorPower.aseanConcerned(states("CN", "PH"))).isTrue();
        assertThat(MajorPower.aseanConcerned(states("TL"))).isTrue();
    }

    @Test
    void aseanIsNotConcernedOtherwise() {
        assertThat(MajorPower.aseanConcerned(states("CN", "US", "KR"))).isFalse();
        assertThat(MajorPower.aseanConcerned(List.of())).isFalse();
    }

    @Test
    void parsesAKnownPower() {
        assertThat(MajorPower.parse("RU")).isEqualTo(MajorPower.RU);
    }

    @Test
    void refusesAStateThatIsNotAMajorPower() {
        assertThat(errorsOf(() -> MajorPower.parse("KR")))
                .containsExactly(error("", "'KR' is not one of CN, US, RU, JP, IN, ASEAN"));
    }
}
