package org.crisiscoordination.kernel.audit.merkle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checkpoint signer's public key as C2SP signed notes name it: a key name and a raw 32-byte
 * Ed25519 public key. Its key hash is the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key); its
 * key id, {@code <name>+<key hash in hex>}; its verifier key, {@code <key id>+<base64(0x01 ‖ key)>}.
 */
public record NoteKey(String name, byte[] publicKey) {

    static final byte ED25519 = 0x01;

    public NoteKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
    }

    /** Reads a verifier key {@code <name>+<hex key hash>+<base64(0x01 ‖ key)>}, checking its key hash. */
    public static NoteKey parseVerifierKey(String verifierKey) {
        String[] parts = verifierKey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<hash>+<key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key's key is base64", e);
        }
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys are known");
        }
        NoteKey key = new NoteKey(parts[0], Arrays.copyOfRange(typed, 1, 33));
        if (!key.keyHashHex().equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
        }
        return key;
    }

    public byte[] keyHash() {
        var sha = MerkleTree.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        return Arrays.copyOf(sha.digest(publicKey), 4);
    }

    public String keyHashHex() {
        return HexFormat.of().formatHex(keyHash());
    }

    public String keyId() {
        return name + "+" + keyHashHex();
    }

    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return keyId() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether {@code signature} (64 bytes) is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(javaKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The key as the JDK holds it. */
    public PublicKey javaKey() throws GeneralSecurityException {
        // RFC 8032: little-endian y, the top bit of the last byte is the sign of x
        byte[] bytes = publicKey.clone();
        boolean xOdd = (bytes[31] & 0x80) != 0;
        bytes[31] &= 0x7f;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = bytes[31 - i];
        }
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    /** The raw 32-byte encoding of a JDK Ed25519 public key (the last 32 bytes of its X.509 form). */
    public static byte[] raw(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteKey k && name.equals(k.name) && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
