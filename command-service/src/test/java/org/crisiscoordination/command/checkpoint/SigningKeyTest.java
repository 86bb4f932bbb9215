package org.crisiscoordination.command.checkpoint;

import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @Test
    void readsAPkcs8PemKeyAndDerivesItsPublicKey(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path file = dir.resolve("checkpoint-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        SigningKey key = SigningKey.load(file, "log");

        assertThat(key.publicKey()).isEqualTo(new NoteKey("log", NoteKey.raw(pair.getPublic())));
        String note = SignedNote.sign("log\n0\nAAAA\n", key.publicKey(), key.privateKey());
        assertThat(SignedNote.verifiedText(note, key.publicKey())).isPresent();
    }

    @Test
    void aFileWithoutAKeyIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-key.pem"), "hello");

        assertThatThrownBy(() -> SigningKey.load(file, "log")).hasMessageContaining(file.toString());
    }
}
