package org.crisiscoordination.kernel.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class ConsistencyTokenTest {

    private static final String FIELD = "X-Consistency-Token";
    private static final String NOT_ISSUED = "is not a consistency token this system issued";

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 1_000_000_007L, Long.MAX_VALUE})
    void readsBackWhatItEncodes(long position) {
        ConsistencyToken token = new ConsistencyToken(position);

        assertThat(ConsistencyToken.parse(token.encode())).isEqualTo(token);
    }

    @Test
    void encodesAsUrlSafeBase64WithoutPadding() {
        String encoded = new ConsistencyToken(42).encode();

        assertThat(encoded).isEqualTo(base64("p1:42")).matches("[A-Za-z0-9_-]+");
        assertThat(new ConsistencyToken(42)).hasToString(encoded);
    }

    @Test
    void readsATokenWithTheLargestPosition() {
        assertThat(ConsistencyToken.parse(base64("p1:" + Long.MAX_VALUE)).position()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesANegativePosition() {
        assertThat(errorsOf(() -> new ConsistencyToken(-1))).containsExactly(error("", "a position is never negative"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "!!!", "p1:5"})
    void refusesTextThatIsNoToken(String token) {
        assertThat(errorsOf(() -> ConsistencyToken.parse(token))).containsExactly(error(FIELD, NOT_ISSUED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p1:-1", "p1:01", "p2:5", "p1:", "p1:5 ", "P1:5", "p1:9223372036854775808",
            "p1:99999999999999999999"})
    void refusesAWellEncodedTokenThisSystemDidNotIssue(String decoded) {
        assertThat(errorsOf(() -> ConsistencyToken.parse(base64(decoded)))).containsExactly(error(FIELD, NOT_ISSUED));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
