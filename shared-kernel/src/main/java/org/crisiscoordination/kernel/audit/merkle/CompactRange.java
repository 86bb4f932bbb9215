package org.crisiscoordination.kernel.audit.merkle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The root of a growing tree, kept as the roots of its perfect subtrees (at most one per power of
 * two), so that one pass over the leaves yields the root at every size on the way in O(log n)
 * each: the RFC 9162 root is the fold of these peaks from the right.
 */
public final class CompactRange {

    /** Peaks, smallest (rightmost) first, with the number of leaves under each. */
    private final Deque<byte[]> peaks = new ArrayDeque<>();
    private final Deque<Long> sizes = new ArrayDeque<>();
    private long size;

    public void append(byte[] leafHash) {
        byte[] node = leafHash;
        long width = 1;
        while (!sizes.isEmpty() && sizes.peekFirst() == width) {
            node = MerkleTree.nodeHash(peaks.pollFirst(), node);
            sizes.pollFirst();
            width *= 2;
        }
        peaks.addFirst(node);
        sizes.addFirst(width);
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (peaks.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        Iterator<byte[]> smallestFirst = peaks.iterator();
        byte[] root = smallestFirst.next();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next(), root);
        }
        return root;
    }
}
