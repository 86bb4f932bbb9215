package org.crisiscoordination.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The Ed25519 key the command service signs the log's checkpoints with: made on first start beside
 * the data (never in the database), readable by its owner only, and kept for every later start so
 * that old and new checkpoints verify with one public key.
 */
final class CheckpointKey {

    static final String FILE = "checkpoint-key.pem";

    private CheckpointKey() {
    }

    /** The key file in {@code dataDir}, made now if there is none. */
    static Path ensure(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return file;
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generate())
                + "\n-----END PRIVATE KEY-----\n";
        Files.createDirectories(dataDir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return file;
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println("Made the checkpoint signing key " + file + " (keep it; its public key verifies the log)");
        return file;
    }

    /** A new key in PKCS#8 DER, as {@code openssl genpkey -algorithm ed25519} writes it in PEM. */
    private static byte[] generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519", e);
        }
    }
}
