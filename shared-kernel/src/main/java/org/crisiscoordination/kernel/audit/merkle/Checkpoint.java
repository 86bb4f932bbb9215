package org.crisiscoordination.kernel.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * What a signed checkpoint says: the log (its origin) had {@code treeSize} leaves with this root,
 * the last of them the event at {@code lastPosition}, at {@code time}; and which checkpoint came
 * before it. Its body is a C2SP tlog-checkpoint (origin, size, base64 root, one line each) with
 * three extension lines, each line ending in a newline (UTF-8):
 * <pre>
 * crisis-coordination/audit
 * 42
 * 1PwqGbqqFXFoKEGmvA6kt7ndCDLu7Yi1hqHyGL1CB2s=
 * position 57
 * time 2026-03-01T08:00:00.123Z
 * previous 0e3EJsK8cbIAtxfDv6vVWgyuxgtLhXm0TC29sqDTMDE=
 * </pre>
 * {@code previous} is the base64 SHA-256 of the previous checkpoint's whole signed note; the first
 * checkpoint has none. The body is signed as a C2SP signed note (see {@link SignedNote}).
 *
 * @param previous SHA-256 of the previous checkpoint's signed note, or null for the first checkpoint
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, long lastPosition, Instant time,
                         byte[] previous) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(time, "time");
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("an origin is one non-blank line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is 0 or more");
        }
        if (rootHash.length != MerkleTree.HASH_BYTES || (previous != null && previous.length != MerkleTree.HASH_BYTES)) {
            throw new IllegalArgumentException("hashes have 32 bytes");
        }
    }

    /** The text that is signed. */
    public String body() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(treeSize).append('\n')
                .append(b64.encodeToString(rootHash)).append('\n')
                .append("position ").append(lastPosition).append('\n')
                .append("time ").append(time).append('\n');
        if (previous != null) {
            body.append("previous ").append(b64.encodeToString(previous)).append('\n');
        }
        return body.toString();
    }

    /** Reads a body as {@link #body()} writes it; anything else is an IllegalArgumentException. */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 5 || lines.length > 6) {
            throw new IllegalArgumentException("a checkpoint body has 5 or 6 lines, not " + lines.length);
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            long size = Long.parseLong(lines[1]);
            byte[] root = b64.decode(lines[2]);
            long position = Long.parseLong(extension(lines[3], "position"));
            Instant time = Instant.parse(extension(lines[4], "time"));
            byte[] previous = lines.length == 6 ? b64.decode(extension(lines[5], "previous")) : null;
            Checkpoint checkpoint = new Checkpoint(lines[0], size, root, position, time, previous);
            if (!checkpoint.body().equals(body)) {
                throw new IllegalArgumentException("a checkpoint body is not in its canonical form");
            }
            return checkpoint;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a checkpoint body is malformed: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of a signed note, as the next checkpoint's {@code previous} names it. */
    public static byte[] noteHash(String signedNote) {
        return MerkleTree.sha256().digest(signedNote.getBytes(StandardCharsets.UTF_8));
    }

    private static String extension(String line, String key) {
        if (!line.startsWith(key + " ")) {
            throw new IllegalArgumentException("expected the line '" + key + " …', got '" + line + "'");
        }
        return line.substring(key.length() + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && treeSize == c.treeSize && lastPosition == c.lastPosition
                && origin.equals(c.origin) && Arrays.equals(rootHash, c.rootHash) && time.equals(c.time)
                && Arrays.equals(previous, c.previous);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), lastPosition, time, Arrays.hashCode(previous));
    }

    @Override
    public String toString() {
        return body();
    }
}
