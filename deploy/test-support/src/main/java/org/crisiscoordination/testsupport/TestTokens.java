package org.crisiscoordination.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The tests' token issuer: an RSA key pair made once per test JVM (no private key is kept in the
 * repository), its public key in a temporary PEM file that the services under test are pointed
 * at ({@link #publicKeyLocation()}, as Spring Boot's {@code public-key-location}), and RS256 tokens
 * signed with it.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test";
    /** The Spring Boot property that makes a service trust these tokens. */
    public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private static final KeyPair KEYS = newKeyPair();
    private static final Path PUBLIC_KEY = writePublicKey(KEYS);

    private TestTokens() {
    }

    /** Where the public key is, as a Spring resource location ({@code file:...}). */
    public static String publicKeyLocation() {
        return "file:" + PUBLIC_KEY;
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    public static String mint(TestCaller caller) {
        return mint(caller, Instant.now(), Duration.ofHours(1), KEYS.getPrivate(), ISSUER);
    }

    /** A token issued at {@code issuedAt}, valid for {@code ttl}: one in the past has expired. */
    public static String mint(TestCaller caller, Instant issuedAt, Duration ttl) {
        return mint(caller, issuedAt, ttl, KEYS.getPrivate(), ISSUER);
    }

    /** A token signed by another key, which no service under test trusts. */
    public static String mintWithForeignKey(TestCaller caller) {
        return mint(caller, Instant.now(), Duration.ofHours(1), newKeyPair().getPrivate(), ISSUER);
    }

    /** A token with no issuer, which no actor can be named from. */
    public static String mintWithoutIssuer(TestCaller caller) {
        return mint(caller, Instant.now(), Duration.ofHours(1), KEYS.getPrivate(), null);
    }

    private static String mint(TestCaller caller, Instant issuedAt, Duration ttl, PrivateKey key, String issuer) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(caller.subject())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .claim("roles", caller.roles());
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (caller.represents() != null) {
            claims.claim("represents", caller.represents());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("an RSA key always signs", e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }

    private static Path writePublicKey(KeyPair keys) {
        try {
            Path file = Files.createTempFile("test-token-key", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
