package org.crisiscoordination.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.CompactRange;
import org.crisiscoordination.kernel.audit.merkle.MerkleTree;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recomputes, from what is stored, every aggregate's hash chain, the Merkle tree over the whole
 * log and every checkpoint's signature and root, and reports each break it finds.
 *
 * <p>The chains show an altered event (its content no longer yields its hash), a removed or
 * reordered one (a successor no longer links to it). The leaves show an event removed after it
 * was logged (also an aggregate's last), one slipped in, and one rewritten since. The checkpoints
 * show a log rewritten consistently, leaves included: the tree recomputed from the stored events
 * no longer has the signed root. A change made before any checkpoint covered it, to events and
 * leaves alike, cannot be told from the truth: that is what the checkpoints are for.
 */
@Component
class LogVerifier {

    static final int MAX_BREAKS = 1_000;
    private static final int PAGE = 1_000;
    private static final HexFormat HEX = HexFormat.of();

    /** What a break is. */
    enum Kind {
        /** the event's content no longer yields its stored hash: its payload or metadata was altered */
        ALTERED_EVENT,
        /** an event of the aggregate is missing: its sequence numbers have a gap, or a leaf's event is gone */
        MISSING_EVENT,
        /** the event's sequence number is lower than one before it in position order */
        REORDERED_EVENT,
        /** the event's previousHash is not its predecessor's hash */
        BROKEN_LINK,
        /** the event sits below the last logged position but has no leaf: it was slipped in */
        UNLOGGED_EVENT,
        /** the event's hash is not the one its leaf recorded: it was rewritten after it was logged */
        LEAF_MISMATCH,
        /** leaf indexes have a gap, or leaves are out of position order */
        BROKEN_LEAVES,
        /** the tree recomputed from the stored events has not the checkpoint's root or last position */
        CHECKPOINT_MISMATCH,
        /** the checkpoint's signature does not verify with a published key, or its columns differ from what was signed */
        FORGED_CHECKPOINT,
        /** the checkpoint does not name the previous one's note hash, or its tree is smaller */
        BROKEN_CHECKPOINT_CHAIN;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** One break; the fields that do not apply are null. */
    record Break(String kind, @Schema(nullable = true) Long position, @Schema(nullable = true) String aggregateId,
                 @Schema(nullable = true) Long sequence, @Schema(nullable = true) Long leafIndex,
                 @Schema(nullable = true) Long treeSize, String detail) {
    }

    /**
     * @param fromPosition, toPosition the positions whose events were rechecked (null: from the first, to the last)
     * @param events      how many stored events were rechecked
     * @param leaves      how many leaves the log holds
     * @param checkpoints how many checkpoints were checked
     * @param totalBreaks how many breaks were found; at most {@value #MAX_BREAKS} are listed
     */
    record LogVerification(boolean valid, @Schema(nullable = true) Long fromPosition,
                           @Schema(nullable = true) Long toPosition, long events, long leaves, long checkpoints,
                           long totalBreaks, List<Break> breaks) {
    }

    private final EventStoreReader store;
    private final MerkleLogReader log;

    LogVerifier(EventStoreReader store, MerkleLogReader log) {
        this.store = store;
        this.log = log;
    }

    LogVerification verify(Long from, Long to) {
        Report report = new Report();
        long lo = from == null ? 1 : from;
        long hi = to == null ? Long.MAX_VALUE : to;
        List<MerkleLogReader.Leaf> leaves = log.allLeaves();
        Map<Long, MerkleLogReader.Leaf> leafAt = new HashMap<>();
        long lastLoggedPosition = 0;
        for (int i = 0; i < leaves.size(); i++) {
            MerkleLogReader.Leaf leaf = leaves.get(i);
            leafAt.put(leaf.position(), leaf);
            if (leaf.index() != i && (i == 0 || leaves.get(i - 1).index() != leaf.index() - 1)) {
                report.add(Kind.BROKEN_LEAVES, leaf.position(), null, null, leaf.index(), null,
                        "leaf " + leaf.index() + " follows leaf " + (i == 0 ? "none" : leaves.get(i - 1).index())
                                + ": the leaves between are gone");
            }
            if (i > 0 && leaf.position() <= leaves.get(i - 1).position()) {
                report.add(Kind.BROKEN_LEAVES, leaf.position(), null, null, leaf.index(), null,
                        "leaf " + leaf.index() + " is at a position not after the previous leaf's");
            }
            lastLoggedPosition = Math.max(lastLoggedPosition, leaf.position());
        }

        // the chains, and each event against its leaf
        Map<String, Link> chains = new HashMap<>();
        Map<Long, byte[]> recomputed = new HashMap<>();
        Set<Long> present = new HashSet<>();
        long events = 0;
        long after = lo - 1;
        while (true) {
            List<AuditEntry> page = store.after(after, PAGE);
            for (AuditEntry entry : page) {
                if (entry.position() > hi) {
                    break;
                }
                events++;
                present.add(entry.position());
                String hash = HashChain.hash(Objects.toString(entry.previousHash(), ""), entry.record());
                check(entry, hash, chains, report, from != null);
                recomputed.put(entry.position(), HEX.parseHex(hash));
                MerkleLogReader.Leaf leaf = leafAt.get(entry.position());
                if (leaf == null && entry.position() <= lastLoggedPosition) {
                    report.add(Kind.UNLOGGED_EVENT, entry, null, "no leaf records this event, though later ones are logged");
                } else if (leaf != null && !Arrays.equals(leaf.eventHash(), HEX.parseHex(hash))) {
                    report.add(Kind.LEAF_MISMATCH, entry, leaf.index(),
                            "the event's hash is not the one its leaf " + leaf.index() + " recorded");
                }
            }
            if (page.size() < PAGE || page.get(page.size() - 1).position() >= hi) {
                break;
            }
            after = page.get(page.size() - 1).position();
        }
        for (MerkleLogReader.Leaf leaf : leaves) {
            if (leaf.position() >= lo && leaf.position() <= hi && !present.contains(leaf.position())) {
                report.add(Kind.MISSING_EVENT, leaf.position(), null, null, leaf.index(), null,
                        "the event logged as leaf " + leaf.index() + " is no longer stored");
            }
        }

        // the tree from the stored events (a leaf's own record where its event is gone or out of range), and the checkpoints
        List<MerkleLogReader.StoredCheckpoint> checkpoints = log.allCheckpoints();
        Map<String, NoteKey> keys = new HashMap<>();
        log.keys().forEach(key -> keys.put(key.keyId(), new NoteKey(key.name(), key.publicKey())));
        CompactRange tree = new CompactRange();
        int next = 0;
        MerkleLogReader.StoredCheckpoint previous = null;
        for (MerkleLogReader.StoredCheckpoint checkpoint : checkpoints) {
            while (tree.size() < checkpoint.treeSize() && next < leaves.size()) {
                MerkleLogReader.Leaf leaf = leaves.get(next++);
                tree.append(MerkleTree.leafHash(Optional.ofNullable(recomputed.get(leaf.position())).orElse(leaf.eventHash())));
            }
            checkCheckpoint(checkpoint, previous, keys, tree, leaves, report);
            previous = checkpoint;
        }
        return new LogVerification(report.total == 0, from, to, events, leaves.size(), checkpoints.size(), report.total,
                report.breaks);
    }

    /** An aggregate's chain so far: the last sequence seen and its hash. */
    private record Link(long sequence, String hash) {
    }

    private void check(AuditEntry entry, String recomputed, Map<String, Link> chains, Report report, boolean ranged) {
        if (!recomputed.equals(entry.hash())) {
            report.add(Kind.ALTERED_EVENT, entry, null, "its content no longer yields its stored hash");
        }
        Link last = chains.get(entry.aggregateId());
        if (last == null && ranged && entry.sequence() > 0) {
            last = store.linkBefore(entry.aggregateId(), entry.sequence())
                    .map(hash -> new Link(entry.sequence() - 1, hash)).orElse(null);
        }
        long expected = last == null ? 0 : last.sequence() + 1;
        String expectedPrevious = last == null ? HashChain.GENESIS : last.hash();
        if (entry.sequence() > expected) {
            report.add(Kind.MISSING_EVENT, entry, null, "sequence " + expected
                    + (entry.sequence() - 1 > expected ? " to " + (entry.sequence() - 1) : "") + " of the aggregate is missing");
        } else if (entry.sequence() < expected) {
            report.add(Kind.REORDERED_EVENT, entry, null, "sequence " + entry.sequence() + " comes after sequence "
                    + (expected - 1) + " in position order");
        } else if (!expectedPrevious.equals(entry.previousHash())) {
            report.add(Kind.BROKEN_LINK, entry, null, "its previousHash is not its predecessor's hash");
        }
        if (last == null || entry.sequence() > last.sequence()) {
            chains.put(entry.aggregateId(), new Link(entry.sequence(), entry.hash()));
        }
    }

    private void checkCheckpoint(MerkleLogReader.StoredCheckpoint checkpoint, MerkleLogReader.StoredCheckpoint previous,
                                 Map<String, NoteKey> keys, CompactRange tree, List<MerkleLogReader.Leaf> leaves,
                                 Report report) {
        long size = checkpoint.treeSize();
        NoteKey key = keys.get(checkpoint.keyId());
        Optional<String> signed = key == null ? Optional.empty() : SignedNote.verifiedText(checkpoint.note(), key);
        if (signed.isEmpty()) {
            report.add(Kind.FORGED_CHECKPOINT, null, null, null, null, size, key == null
                    ? "signed by " + checkpoint.keyId() + ", which is no published key"
                    : "its signature does not verify with " + checkpoint.keyId());
            return;
        }
        Checkpoint body;
        try {
            body = Checkpoint.parse(signed.get());
        } catch (IllegalArgumentException e) {
            report.add(Kind.FORGED_CHECKPOINT, null, null, null, null, size, "its signed text is no checkpoint: " + e.getMessage());
            return;
        }
        if (body.treeSize() != size || body.lastPosition() != checkpoint.lastPosition()
                || !Arrays.equals(body.rootHash(), checkpoint.rootHash())
                || !Arrays.equals(body.previous(), checkpoint.previous())) {
            report.add(Kind.FORGED_CHECKPOINT, null, null, null, null, size, "its stored columns differ from what was signed");
        }
        if (previous != null && (!Arrays.equals(body.previous(), Checkpoint.noteHash(previous.note()))
                || body.treeSize() < previous.treeSize())) {
            report.add(Kind.BROKEN_CHECKPOINT_CHAIN, null, null, null, null, size,
                    "it does not chain to the checkpoint of tree size " + previous.treeSize());
        } else if (previous == null && body.previous() != null) {
            report.add(Kind.BROKEN_CHECKPOINT_CHAIN, null, null, null, null, size,
                    "it names a previous checkpoint, but none is stored before it");
        }
        if (tree.size() < body.treeSize()) {
            report.add(Kind.CHECKPOINT_MISMATCH, null, null, null, null, size, "it covers " + body.treeSize()
                    + " leaves, the stored log has " + tree.size());
        } else if (!Arrays.equals(tree.root(), body.rootHash())) {
            report.add(Kind.CHECKPOINT_MISMATCH, null, null, null, null, size,
                    "the tree recomputed from the stored events has another root: the log was changed since it was signed");
        } else if (size > 0 && leaves.get((int) size - 1).position() != body.lastPosition()) {
            report.add(Kind.CHECKPOINT_MISMATCH, null, null, null, null, size,
                    "its last leaf is no longer the event at position " + body.lastPosition());
        }
    }

    /** The breaks found so far: all counted, the first {@value #MAX_BREAKS} kept. */
    private static final class Report {
        private final List<Break> breaks = new ArrayList<>();
        private long total;

        void add(Kind kind, AuditEntry entry, Long leafIndex, String detail) {
            add(kind, entry.position(), entry.aggregateId(), entry.sequence(), leafIndex, null, detail);
        }

        void add(Kind kind, Long position, String aggregateId, Long sequence, Long leafIndex, Long treeSize, String detail) {
            total++;
            if (breaks.size() < MAX_BREAKS) {
                breaks.add(new Break(kind.code(), position, aggregateId, sequence, leafIndex, treeSize, detail));
            }
        }
    }
}
