package org.crisiscoordination.kernel.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "req-42", "3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c", "!~{}[]:;'\"<>?/\\|"})
    void keepsAVisibleAsciiIdOfTheCaller(String supplied) {
        assertThat(CorrelationIds.acceptOrGenerate(supplied)).isEqualTo(supplied);
    }

    @Test
    void keepsAnIdOfExactly128Characters() {
        String supplied = "a".repeat(128);

        assertThat(CorrelationIds.acceptOrGenerate(supplied)).isEqualTo(supplied);
    }

    @Test
    void replacesAnIdLongerThan128Characters() {
        assertGenerated(CorrelationIds.acceptOrGenerate("a".repeat(129)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "two words", "tab\there", "line\nbreak", "caf\u00e9", "\u007f"})
    void replacesAMissingOrUnacceptableId(String supplied) {
        assertGenerated(CorrelationIds.acceptOrGenerate(supplied));
    }

    @Test
    void generatesADifferentIdEachTime() {
        assertThat(CorrelationIds.acceptOrGenerate(null)).isNotEqualTo(CorrelationIds.acceptOrGenerate(null));
    }

    private static void assertGenerated(String id) {
        assertThat(UUID.fromString(id)).hasToString(id);
    }
}
