package org.crisiscoordination.command.checkpoint;

import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The checkpoint signer's Ed25519 key: read from a PKCS#8 PEM file (as {@code openssl genpkey
 * -algorithm ed25519} writes one), never from the database.
 */
final class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    private final PrivateKey privateKey;
    private final NoteKey publicKey;

    private SigningKey(KeyPair pair, String name) {
        this.privateKey = pair.getPrivate();
        this.publicKey = new NoteKey(name, NoteKey.raw(pair.getPublic()));
    }

    static SigningKey load(Path keyFile, String name) {
        if (keyFile == null || keyFile.toString().isBlank()) {
            LOG.warn("No checkpoint key file is configured (crisis.checkpoints.key-file): checkpoints are signed"
                    + " with a key generated now that dies with this process");
            try {
                return new SigningKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), name);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM has no Ed25519", e);
            }
        }
        try {
            String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new SigningKey(withPublicKey(key), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint key file " + keyFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint key file " + keyFile
                    + " holds no Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /**
     * The JDK derives no public key from a private one; generating a pair from the private key's
     * seed (its 32 bytes are what the generator draws) yields the same private key and its public key.
     */
    private static KeyPair withPublicKey(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key does not reveal its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        KeyPair pair = generator.generateKeyPair();
        if (!java.util.Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return new KeyPair(pair.getPublic(), key);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    NoteKey publicKey() {
        return publicKey;
    }
}
