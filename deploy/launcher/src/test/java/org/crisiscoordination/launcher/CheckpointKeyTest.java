package org.crisiscoordination.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointKeyTest {

    @Test
    void makesAnOwnerOnlyEd25519KeyOnceAndKeepsItThereafter(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");

        Path made = CheckpointKey.ensure(data);
        String pem = Files.readString(made);
        Path again = CheckpointKey.ensure(data);

        assertThat(made).isEqualTo(data.resolve("checkpoint-key.pem"));
        assertThat(again).isEqualTo(made);
        assertThat(Files.readString(again)).isEqualTo(pem);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)).getAlgorithm())
                .isIn("EdDSA", "Ed25519");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-------");
    }
}
