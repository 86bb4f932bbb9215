package org.crisiscoordination.kernel.validation;

import org.crisiscoordination.kernel.region.MajorPower;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class EnumsTest {

    @Test
    void parsesTheNameOfAConstant() {
        assertThat(Enums.parse(MajorPower.class, "ASEAN")).isEqualTo(MajorPower.ASEAN);
    }

    @Test
    void refusesAnUnknownNameListingTheKnownOnes() {
        assertThat(errorsOf(() -> Enums.parse(MajorPower.class, "EU")))
                .containsExactly(error("", "'EU' is not one of CN, US, RU, JP, IN, ASEAN"));
    }

    @Test
    void refusesANameInTheWrongCase() {
        assertThat(errorsOf(() -> Enums.parse(MajorPower.class, "asean")))
                .containsExactly(error("", "'asean' is not one of CN, US, RU, JP, IN, ASEAN"));
    }

    @Test
    void refusesAMissingName() {
        assertThat(errorsOf(() -> Enums.parse(MajorPower.class, null)))
                .containsExactly(error("", "'null' is not one of CN, US, RU, JP, IN, ASEAN"));
    }
}
