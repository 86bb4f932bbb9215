package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.json.CrisisJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class MechanismIdTest {

    @Test
    void acceptsAsiaPacific() {
        assertThat(MechanismId.of("asia-pacific")).isEqualTo(MechanismId.ASIA_PACIFIC);
        assertThat(MechanismId.ASIA_PACIFIC).hasToString("asia-pacific");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Asia-Pacific", "asia_pacific", "europe", "", " asia-pacific"})
    void refusesAnyOtherId(String value) {
        assertThat(errorsOf(() -> MechanismId.of(value)))
                .containsExactly(error("", "the security mechanism's id is asia-pacific, not '" + value + "'"));
    }

    @Test
    void isWrittenAndReadAsPlainText() throws Exception {
        var mapper = CrisisJson.forMessages();

        assertThat(mapper.writeValueAsString(MechanismId.ASIA_PACIFIC)).isEqualTo("\"asia-pacific\"");
        assertThat(mapper.readValue("\"asia-pacific\"", MechanismId.class)).isEqualTo(MechanismId.ASIA_PACIFIC);
    }
}
