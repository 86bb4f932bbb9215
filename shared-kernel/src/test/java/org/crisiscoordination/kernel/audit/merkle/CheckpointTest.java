package org.crisiscoordination.kernel.audit.merkle;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    private static final Instant TIME = Instant.parse("2026-03-01T08:00:00.123Z");

    @Test
    void theBodyIsATlogCheckpointWithThreeExtensionLines() {
        Checkpoint checkpoint = new Checkpoint("crisis-coordination/audit", 3, new byte[32], 57, TIME, filled(7));

        assertThat(checkpoint.body()).isEqualTo("""
                crisis-coordination/audit
                3
                AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
                position 57
                time 2026-03-01T08:00:00.123Z
                previous BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=
                """);
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void theFirstCheckpointNamesNoPrevious() {
        Checkpoint first = new Checkpoint("o", 0, MerkleTree.emptyRoot(), 0, TIME, null);

        assertThat(first.body()).doesNotContain("previous");
        assertThat(Checkpoint.parse(first.body())).isEqualTo(first);
    }

    @Test
    void aBodyNotInItsCanonicalFormIsRefused() {
        String body = new Checkpoint("o", 1, new byte[32], 1, TIME, null).body();

        assertThatThrownBy(() -> Checkpoint.parse(body.replace("1\n", "01\n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(body.replace("position", "pos"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(body.trim())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedNoteVerifiesWithItsKeyOnlyAndNotOnceChanged() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteKey key = new NoteKey("crisis-coordination/audit", NoteKey.raw(pair.getPublic()));
        String body = new Checkpoint(key.name(), 3, filled(1), 57, TIME, null).body();

        String note = SignedNote.sign(body, key, pair.getPrivate());

        assertThat(note).startsWith(body + "\n\u2014 crisis-coordination/audit ");
        assertThat(SignedNote.verifiedText(note, key)).contains(body);
        assertThat(SignedNote.verifiedText(note.replace("\n3\n", "\n4\n"), key)).isEmpty();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(SignedNote.verifiedText(note, new NoteKey(key.name(), NoteKey.raw(other.getPublic())))).isEmpty();
    }

    @Test
    void aVerifierKeyRoundTripsAndItsHashIsChecked() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteKey key = new NoteKey("crisis-coordination/audit", NoteKey.raw(pair.getPublic()));

        assertThat(key.verifierKey()).startsWith(key.keyId() + "+").matches("crisis-coordination/audit\\+[0-9a-f]{8}\\+.+");
        assertThat(NoteKey.parseVerifierKey(key.verifierKey())).isEqualTo(key);
        assertThat(key.javaKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        String wrongHash = key.verifierKey().replace("+" + key.keyHashHex() + "+", "+00000000+");
        assertThatThrownBy(() -> NoteKey.parseVerifierKey(wrongHash)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
