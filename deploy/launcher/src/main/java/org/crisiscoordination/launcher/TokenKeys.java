package org.crisiscoordination.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local run's token issuer: an RSA key pair made on first start and kept beside the embedded
 * data ({@code keys/} in {@code CRISIS_DATA_DIR}), the private key readable by its owner alone.
 * Both services trust its public key (Spring Boot's {@code public-key-location}); {@code deploy/token}
 * signs RS256 tokens with its private key. A real deployment points the services at its identity
 * provider instead and has no such key.
 */
final class TokenKeys {

    /** The issuer ({@code iss}) of the local run's tokens; events name their actors after it. */
    static final String ISSUER = "deploy-run";

    private final Path privateKey;
    private final Path publicKey;

    private TokenKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair in {@code dataDir/keys}, made there first if there is none. */
    static synchronized TokenKeys loadOrCreate(Path dataDir) throws IOException {
        Path keys = Files.createDirectories(dataDir.resolve("keys"));
        TokenKeys pair = new TokenKeys(keys.resolve("token-signing-key.pem"), keys.resolve("token-public-key.pem"));
        if (!Files.exists(pair.privateKey) || !Files.exists(pair.publicKey)) {
            pair.create();
        }
        return pair;
    }

    /**
     * What the services are told to trust: this key, unless the environment already points them at
     * an identity provider ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI} or
     * {@code ..._JWK_SET_URI}), which they then inherit and trust alone.
     */
    static java.util.Map<String, String> trustFor(Path dataDir, java.util.Map<String, String> env) throws IOException {
        if (hasText(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                || hasText(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"))) {
            return java.util.Map.of();
        }
        return java.util.Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                "file:" + loadOrCreate(dataDir).publicKey());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** The public key's file, for the services' {@code public-key-location}. */
    Path publicKey() {
        return publicKey;
    }

    /** An RS256 token for {@code subject}, with its roles and, if not null, the party it represents. */
    String mint(String subject, List<String> roles, String represents, Duration ttl) throws IOException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (represents != null) {
            claims.claim("represents", represents);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(readPrivateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key in " + privateKey + " cannot sign: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private void create() throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK makes RSA keys", e);
        }
        Path temporary = Files.createTempFile(privateKey.getParent(), "signing", ".tmp");
        restrictToOwner(temporary);
        Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(temporary, privateKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private PrivateKey readPrivateKey() throws IOException {
        String base64 = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKey + " holds no RSA private key (PKCS#8 PEM); remove it and "
                    + publicKey + " to make a new pair", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own data directory
        }
    }
}
