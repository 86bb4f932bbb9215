package org.crisiscoordination.kernel.audit.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    @Test
    void aLeafHashIsSha256OfZeroThenTheRawEventHash() throws Exception {
        byte[] event = sha("event");
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(concat(new byte[]{0}, event));

        assertThat(MerkleTree.leafHash(event)).isEqualTo(expected);
        assertThat(MerkleTree.leafHash(HexFormat.of().formatHex(event))).isEqualTo(expected);
    }

    @Test
    void theEmptyTreeHasTheHashOfNothingAndOneLeafIsItsOwnRoot() {
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        byte[] leaf = MerkleTree.leafHash(sha("x"));
        assertThat(MerkleTree.root(List.of(leaf))).isEqualTo(leaf);
    }

    @Test
    void treesSplitAtTheLargestPowerOfTwoBelowTheirSize() {
        List<byte[]> l = leaves(5);
        byte[] left = MerkleTree.nodeHash(MerkleTree.nodeHash(l.get(0), l.get(1)), MerkleTree.nodeHash(l.get(2), l.get(3)));

        assertThat(MerkleTree.root(l)).isEqualTo(MerkleTree.nodeHash(left, l.get(4)));
    }

    @Test
    void everyInclusionProofVerifiesAndFailsForAnotherLeafIndexOrRoot() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> l = leaves(n);
            byte[] root = MerkleTree.root(l);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(l, i);
                assertThat(MerkleTree.verifyInclusion(l.get(i), i, n, proof, root)).as("%d of %d", i, n).isTrue();
                assertThat(MerkleTree.verifyInclusion(l.get(i), i, n, proof, MerkleTree.emptyRoot())).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion(l.get((i + 1) % n), i, n, proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndFailsForAnotherOldRoot() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> l = leaves(n);
            byte[] root = MerkleTree.root(l);
            for (int m = 0; m <= n; m++) {
                byte[] old = MerkleTree.root(l.subList(0, m));
                List<byte[]> proof = MerkleTree.consistencyProof(l, m);
                assertThat(MerkleTree.verifyConsistency(m, n, old, root, proof)).as("%d to %d", m, n).isTrue();
                if (m > 0 && m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, MerkleTree.leafHash(sha("forged")), root, proof))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aCompactRangeHasTheTreesRootAtEverySize() {
        List<byte[]> l = leaves(70);
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(MerkleTree.emptyRoot());
        for (int n = 1; n <= l.size(); n++) {
            range.append(l.get(n - 1));
            assertThat(range.size()).isEqualTo(n);
            assertThat(range.root()).as("size %d", n).isEqualTo(MerkleTree.root(l.subList(0, n)));
        }
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(sha("event " + i)));
        }
        return leaves;
    }

    static byte[] sha(String text) {
        return MerkleTree.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
