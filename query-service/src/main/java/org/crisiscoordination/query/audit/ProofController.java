package org.crisiscoordination.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.kernel.audit.merkle.MerkleTree;
import org.crisiscoordination.kernel.validation.Validator;
import org.crisiscoordination.query.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.edge.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HexFormat;
import java.util.List;

/**
 * RFC 9162 proofs over the stored leaves: that an event is in the tree of a size, and that the tree
 * of one size is a prefix of the tree of a larger one. Sizes, not positions, address trees.
 */
@RestController
@Tag(name = "Audit")
class ProofController {

    private static final HexFormat HEX = HexFormat.of();
    /** Proofs are computed in memory from the leaves; a tree larger than this would need stored subtrees. */
    static final long MAX_TREE_SIZE = 5_000_000;

    /**
     * @param eventHash the event's chain hash, as logged (hex); the leaf hash is SHA-256(0x00 ‖ it)
     * @param proof     the audit path, bottom up (hex), as RFC 9162 section 2.1.3.1 defines it
     */
    record InclusionProof(long position, long leafIndex, long treeSize, String eventHash, String leafHash,
                          String rootHash, List<String> proof) {
    }

    /** @param proof the consistency proof (hex), as RFC 9162 section 2.1.4.1 defines it */
    record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {
    }

    private final MerkleLogReader log;

    ProofController(MerkleLogReader log) {
        this.log = log;
    }

    @GetMapping(path = "/api/audit/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Prove that the event at a position is a leaf of the tree of a size")
    InclusionProof inclusion(@RequestParam long position, @RequestParam long treeSize) {
        long leaves = log.leafCount();
        Validator v = new Validator();
        if (position < 1) {
            v.reject("position", "must be 1 or more");
        }
        checkSize(v, "treeSize", treeSize, 1, leaves);
        v.throwIfInvalid();
        MerkleLogReader.Leaf leaf = log.leafAt(position).orElseThrow(() -> new NotFoundException(
                "no event at position " + position + " is (yet) a leaf of the log"));
        if (leaf.index() >= treeSize) {
            new Validator().reject("treeSize", "must be more than " + leaf.index()
                    + ", the leaf index of the event at position " + position).throwIfInvalid();
        }
        List<byte[]> hashes = leafHashes(treeSize);
        return new InclusionProof(position, leaf.index(), treeSize, HEX.formatHex(leaf.eventHash()),
                HEX.formatHex(hashes.get((int) leaf.index())), HEX.formatHex(MerkleTree.root(hashes)),
                hex(MerkleTree.inclusionProof(hashes, (int) leaf.index())));
    }

    @GetMapping(path = "/api/audit/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Prove that the tree of size from is a prefix of the tree of size to")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        long leaves = log.leafCount();
        Validator v = new Validator();
        checkSize(v, "from", from, 1, leaves);
        checkSize(v, "to", to, 1, leaves);
        if (from > to) {
            v.reject("from", "must be at most to");
        }
        v.throwIfInvalid();
        List<byte[]> hashes = leafHashes(to);
        return new ConsistencyProof(from, to, HEX.formatHex(MerkleTree.root(hashes.subList(0, (int) from))),
                HEX.formatHex(MerkleTree.root(hashes)), hex(MerkleTree.consistencyProof(hashes, (int) from)));
    }

    private static void checkSize(Validator v, String field, long size, long min, long leaves) {
        if (size < min || size > leaves) {
            v.reject(field, leaves < min ? "no tree of that size: the log has no leaves yet"
                    : "must be from " + min + " to " + leaves + ", the size of the log's tree now");
        } else if (size > MAX_TREE_SIZE) {
            v.reject(field, "must be at most " + MAX_TREE_SIZE);
        }
    }

    private List<byte[]> leafHashes(long treeSize) {
        List<MerkleLogReader.Leaf> leaves = log.leaves(treeSize);
        if (leaves.size() != treeSize || (treeSize > 0 && leaves.get(leaves.size() - 1).index() != treeSize - 1)) {
            throw new LeavesMissingException();
        }
        return leaves.stream().map(leaf -> MerkleTree.leafHash(leaf.eventHash())).toList();
    }

    /** Leaves gone from the middle of the log: no proof can be made over them. */
    static class LeavesMissingException extends RuntimeException {
    }

    @ExceptionHandler(LeavesMissingException.class)
    ProblemDetail leavesMissing(HttpServletRequest request) {
        return Problems.of(ProblemType.LOG_TAMPERED,
                "leaves are missing from the stored log; GET /api/audit/verify names what changed", request);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
