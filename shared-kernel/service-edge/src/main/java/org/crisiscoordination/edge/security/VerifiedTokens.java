package org.crisiscoordination.edge.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's {@link JwtDecoder} with a memory of the tokens it has verified: a client sends
 * the same bearer token with every request, and checking its RSA signature each time was about a
 * tenth of the command service's CPU per command. A token is remembered by its exact text, at most
 * {@link #AT_MOST} and never past its expiry, so nothing is accepted that the decoder would refuse,
 * save a key revoked within those minutes. A refused token is not remembered.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final int TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC());
    }

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(TOKENS).expireAfter(untilExpiry()).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null && stillValid(remembered)) {
            return remembered;
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || clock.instant().isBefore(expiresAt);
    }

    private Expiry<String, Jwt> untilExpiry() {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Duration left = jwt.getExpiresAt() == null ? AT_MOST : Duration.between(clock.instant(), jwt.getExpiresAt());
                return Math.max(0, Math.min(left.toNanos(), AT_MOST.toNanos()));
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(token, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
