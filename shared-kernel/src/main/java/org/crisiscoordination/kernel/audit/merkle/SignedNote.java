package org.crisiscoordination.kernel.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The C2SP signed-note format: the text (lines ending in a newline), an empty line, then one
 * signature line per signer, {@code — <key name> <base64(key hash ‖ signature)>} (an em dash,
 * U+2014, and a space first). The signature is Ed25519 over the text's UTF-8 bytes, final newline
 * included.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private SignedNote() {
    }

    public static String sign(String text, NoteKey key, PrivateKey privateKey) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline and has no empty line");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] line = new byte[4 + signature.length];
            System.arraycopy(key.keyHash(), 0, line, 0, 4);
            System.arraycopy(signature, 0, line, 4, signature.length);
            return text + "\n" + SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The note's text, without its signatures. */
    public static String text(String note) {
        int end = note.indexOf("\n\n");
        if (end < 0) {
            throw new IllegalArgumentException("a signed note has an empty line before its signatures");
        }
        return note.substring(0, end + 1);
    }

    /** The note's text if {@code key} signed it (a signature line of its name and key hash that verifies). */
    public static Optional<String> verifiedText(String note, NoteKey key) {
        String text;
        try {
            text = text(note);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String signatures = note.substring(text.length() + 1);
        if (!signatures.endsWith("\n")) {
            return Optional.empty();
        }
        for (String line : signatures.substring(0, signatures.length() - 1).split("\n", -1)) {
            if (!line.startsWith(SIGNATURE_PREFIX + key.name() + " ")) {
                continue;
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(line.substring(SIGNATURE_PREFIX.length() + key.name().length() + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (decoded.length == 68 && Arrays.equals(Arrays.copyOf(decoded, 4), key.keyHash())
                    && key.verifies(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(decoded, 4, 68))) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
