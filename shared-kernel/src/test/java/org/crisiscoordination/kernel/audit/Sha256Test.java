package org.crisiscoordination.kernel.audit;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void hashesTheEmptyText() {
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void matchesThePublishedTestVector() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashesTheUtf8BytesOfTheText() throws Exception {
        byte[] utf8OfEAcute = {(byte) 0xC3, (byte) 0xA9};
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8OfEAcute));

        assertThat(Sha256.hex("\u00e9")).isEqualTo(expected);
    }
}
