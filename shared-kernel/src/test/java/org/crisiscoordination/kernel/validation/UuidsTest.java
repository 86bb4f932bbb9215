package org.crisiscoordination.kernel.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class UuidsTest {

    @Test
    void acceptsACanonicalUuid() {
        assertThat(Uuids.parse("3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c"))
                .isEqualTo(new UUID(0x3f2b6c1e8d4a4b7eL, 0x9c1d2a5e6f7a8b9cL));
    }

    @Test
    void acceptsUpperCaseHexDigits() {
        assertThat(Uuids.parse("3F2B6C1E-8D4A-4B7E-9C1D-2A5E6F7A8B9C"))
                .isEqualTo(UUID.fromString("3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1-1-1-1-1",
            "3f2b6c1e8d4a4b7e9c1d2a5e6f7a8b9c",
            "",
            " ",
            "{3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c}",
            " 3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c",
            "3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c0",
            "3f2b6c1g-8d4a-4b7e-9c1d-2a5e6f7a8b9c"})
    void refusesANonCanonicalForm(String text) {
        assertThat(errorsOf(() -> Uuids.parse(text))).containsExactly(error("", "'" + text + "' is not a UUID"));
    }

    @ParameterizedTest
    @NullSource
    void refusesAMissingUuid(String text) {
        assertThat(errorsOf(() -> Uuids.parse(text))).containsExactly(error("", "'null' is not a UUID"));
    }
}
