package org.crisiscoordination.command.checkpoint;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A signed checkpoint as both services answer it.
 *
 * @param rootHash the tree's root, lower-case hex
 * @param previous SHA-256 of the previous checkpoint's signed note, lower-case hex; null for the first
 * @param note     the C2SP signed note: the checkpoint's text, an empty line, the signature line
 */
public record StoredCheckpoint(long treeSize, long lastPosition, String rootHash, Instant time, String keyId,
                               @Schema(nullable = true) String previous, String note) {
}
