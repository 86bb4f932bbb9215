package org.crisiscoordination.edge.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Accepts "good-…" tokens until they expire an hour after NOW, refuses the rest; counts each check. */
    private final JwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good") || !now.isBefore(NOW.plus(Duration.ofHours(1)))) {
            throw new BadJwtException("refused " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("good-1");
        Jwt second = tokens.decode("good-1");
        tokens.decode("good-2");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEachTimeAndNotRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgainAndRefused() {
        tokens.decode("good-1");
        now = NOW.plus(Duration.ofHours(1));

        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
