package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.json.CrisisJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class StateCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"PH", "TL", "PS", "CN", "US", "KW", "GB"})
    void acceptsAnIsoAlpha2Code(String code) {
        assertThat(StateCode.of(code).code()).isEqualTo(code);
        assertThat(StateCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ph", "PHL", "", " ", "P", "EU", "ASEAN"})
    void refusesWhatIsNotAnIsoAlpha2Code(String code) {
        assertThat(StateCode.isValid(code)).isFalse();
        assertThat(errorsOf(() -> StateCode.of(code)))
                .containsExactly(error("", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
    }

    @ParameterizedTest
    @NullSource
    void refusesAMissingCode(String code) {
        assertThat(StateCode.isValid(code)).isFalse();
        assertThat(errorsOf(() -> new StateCode(code)))
                .containsExactly(error("", "'null' is not an ISO 3166-1 alpha-2 country code"));
    }

    @Test
    void equalsAnotherOfTheSameCode() {
        assertThat(StateCode.of("TL")).isEqualTo(new StateCode("TL")).hasSameHashCodeAs(new StateCode("TL"));
    }

    @Test
    void sortsByCode() {
        assertThat(new TreeSet<>(List.of(StateCode.of("VN"), StateCode.of("BN"), StateCode.of("PH"))))
                .extracting(StateCode::code).containsExactly("BN", "PH", "VN");
    }

    @Test
    void isWrittenAndReadAsPlainText() throws Exception {
        var mapper = CrisisJson.forMessages();

        assertThat(mapper.writeValueAsString(StateCode.of("TL"))).isEqualTo("\"TL\"");
        assertThat(mapper.readValue("\"TL\"", StateCode.class)).isEqualTo(StateCode.of("TL"));
        assertThat(StateCode.of("TL")).hasToString("TL");
    }
}
