package org.crisiscoordination.kernel.crisis;

import org.crisiscoordination.kernel.json.CrisisJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class SeverityTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void acceptsOneToFive(int value) {
        assertThat(Severity.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, Integer.MAX_VALUE})
    void refusesAValueOutsideOneToFive(int value) {
        assertThat(errorsOf(() -> Severity.of(value))).containsExactly(error("", "must be from 1 to 5 (is " + value + ")"));
    }

    @Test
    void comparesHigherAndLower() {
        Severity three = Severity.of(3);

        assertThat(Severity.of(4).isHigherThan(three)).isTrue();
        assertThat(Severity.of(2).isHigherThan(three)).isFalse();
        assertThat(three.isHigherThan(three)).isFalse();
        assertThat(Severity.of(2).isLowerThan(three)).isTrue();
        assertThat(Severity.of(4).isLowerThan(three)).isFalse();
        assertThat(three.isLowerThan(three)).isFalse();
    }

    @Test
    void ordersFromLowestToHighest() {
        assertThat(new TreeSet<>(List.of(Severity.of(5), Severity.of(1), Severity.of(3))))
                .containsExactly(Severity.of(1), Severity.of(3), Severity.of(5));
        assertThat(Severity.of(2).compareTo(Severity.of(2))).isZero();
    }

    @Test
    void isWrittenAndReadAsANumber() throws Exception {
        var mapper = CrisisJson.forMessages();

        assertThat(mapper.writeValueAsString(Severity.of(4))).isEqualTo("4");
        assertThat(mapper.readValue("4", Severity.class)).isEqualTo(Severity.of(4));
        assertThat(Severity.of(4)).hasToString("4");
    }
}
