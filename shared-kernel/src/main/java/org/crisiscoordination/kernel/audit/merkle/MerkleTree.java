package org.crisiscoordination.kernel.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree over the whole log, built as RFC 9162 (Certificate Transparency 2.0, section 2.1)
 * builds one: a leaf's hash is SHA-256(0x00 ‖ the event's raw 32-byte hash), an inner node's
 * SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of two below n.
 * The tree of no leaves has the hash SHA-256 of nothing. Proofs are made and checked as the RFC says.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    /** The leaf hash of an event, from its chain hash (64 hex digits, as the event's metadata holds it). */
    public static byte[] leafHash(String eventHashHex) {
        byte[] eventHash = HexFormat.of().parseHex(eventHashHex);
        if (eventHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("an event hash has 32 bytes, not " + eventHash.length);
        }
        return leafHash(eventHash);
    }

    public static byte[] leafHash(byte[] eventHash) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(eventHash);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[n]) of the given leaf hashes. */
    public static byte[] root(List<byte[]> leaves) {
        return leaves.isEmpty() ? emptyRoot() : subtree(leaves, 0, leaves.size());
    }

    /** The inclusion proof (audit path) of leaf {@code index} in the tree of all the given leaves: PATH(m, D[n]). */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), proof);
        return proof;
    }

    /** The consistency proof of the tree of the first {@code size} leaves with the tree of all: PROOF(m, D[n]). */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("a tree of " + size + " is no prefix of a tree of " + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        if (size > 0 && size < leaves.size()) {
            subproof(leaves, size, 0, leaves.size(), true, proof);
        }
        return proof;
    }

    /** Checks an inclusion proof as RFC 9162 section 2.1.3.2 does. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Checks a consistency proof as RFC 9162 section 2.1.4.2 does. */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (index - from < k) {
            path(leaves, index, from, from + k, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, index, from + k, to, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(subtree(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
