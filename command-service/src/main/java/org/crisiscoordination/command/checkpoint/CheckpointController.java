package org.crisiscoordination.command.checkpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signs a checkpoint of the Merkle log on demand; the query service lists them and proves against them. */
@RestController
@Tag(name = "Audit")
class CheckpointController {

    private final CheckpointSigner signer;

    CheckpointController(CheckpointSigner signer) {
        this.signer = signer;
    }

    @PostMapping(path = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign a checkpoint of the log now",
            description = "201 with the new checkpoint; 200 with the latest one when the log has not grown since")
    ResponseEntity<StoredCheckpoint> sign() {
        CheckpointSigner.Signed signed = signer.signNow();
        return ResponseEntity.status(signed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(signed.checkpoint());
    }
}
