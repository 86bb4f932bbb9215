package org.crisiscoordination.kernel.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.region.OrganizationTest.states;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class MinilateralBlocTest {

    @Test
    void theTrilateralIsTheUnitedStatesJapanAndKorea() {
        assertThat(MinilateralBloc.US_JP_KR.members()).containsExactlyInAnyOrderElementsOf(states("US", "JP", "KR"));
    }

    @Test
    void theQuadIsTheUnitedStatesJapanIndiaAndAustralia() {
        assertThat(MinilateralBloc.QUAD.members()).containsExactlyInAnyOrderElementsOf(states("US", "JP", "IN", "AU"));
    }

    @Test
    void aukusIsAustraliaTheUnitedKingdomAndTheUnitedStates() {
        assertThat(MinilateralBloc.AUKUS.members()).containsExactlyInAnyOrderElementsOf(states("AU", "GB", "US"));
    }

    @Test
    void parsesAKnownBloc() {
        assertThat(MinilateralBloc.parse("QUAD")).isEqualTo(MinilateralBloc.QUAD);
    }

    @Test
    void refusesAnUnknownBloc() {
        assertThat(errorsOf(() -> MinilateralBloc.parse("FIVE_EYES")))
                .containsExactly(error("", "'FIVE_EYES' is not one of US_JP_KR, QUAD, AUKUS"));
    }
}
