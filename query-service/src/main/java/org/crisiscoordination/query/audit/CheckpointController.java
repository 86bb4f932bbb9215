package org.crisiscoordination.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.validation.Validator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The signed checkpoints of the Merkle log, and the public keys that verify them. */
@RestController
@Tag(name = "Audit")
class CheckpointController {

    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 200;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * @param rootHash the tree's root, lower-case hex
     * @param previous SHA-256 of the previous checkpoint's signed note, lower-case hex; null for the first
     * @param note     the C2SP signed note: the checkpoint's text, an empty line, the signature line
     */
    record CheckpointView(long treeSize, long lastPosition, String rootHash, Instant time, String keyId,
                          @Schema(nullable = true) String previous, String note) {

        static CheckpointView of(MerkleLogReader.StoredCheckpoint stored) {
            return new CheckpointView(stored.treeSize(), stored.lastPosition(), HEX.formatHex(stored.rootHash()),
                    stored.signedAt(), stored.keyId(), stored.previous() == null ? null : HEX.formatHex(stored.previous()),
                    stored.note());
        }
    }

    record CheckpointPage(List<CheckpointView> items, int page, int size, long totalItems) {
    }

    /**
     * @param publicKey   the raw 32-byte Ed25519 public key, base64
     * @param verifierKey the C2SP note verifier key, {@code <name>+<key hash>+<base64(0x01 ‖ key)>}
     */
    record KeyView(String keyId, String name, String algorithm, String publicKey, String verifierKey, Instant createdAt) {
    }

    record KeyList(List<KeyView> keys) {
    }

    private final MerkleLogReader log;

    CheckpointController(MerkleLogReader log) {
        this.log = log;
    }

    @GetMapping(path = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed checkpoints of the log, newest first")
    CheckpointPage checkpoints(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Validator v = new Validator();
        if (page != null && page < 0) {
            v.reject("page", "must be 0 or more");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            v.reject("size", "must be from 1 to " + MAX_SIZE);
        }
        v.throwIfInvalid();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        return new CheckpointPage(log.checkpoints(p, s).stream().map(CheckpointView::of).toList(), p, s,
                log.checkpointCount());
    }

    @GetMapping(path = "/api/audit/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public keys that sign checkpoints")
    KeyList keys() {
        return new KeyList(log.keys().stream().map(key -> {
            NoteKey note = new NoteKey(key.name(), key.publicKey());
            return new KeyView(key.keyId(), key.name(), "Ed25519", Base64.getEncoder().encodeToString(key.publicKey()),
                    note.verifierKey(), key.createdAt());
        }).toList());
    }
}
