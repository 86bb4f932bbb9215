package org.crisiscoordination.command.checkpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    @ApiResponse(responseCode = "201", description = "A checkpoint of the log as it now stands was signed")
    @ApiResponse(responseCode = "200", description = "The log has not grown since the latest checkpoint, which is answered")
    @ApiResponse(responseCode = "401", description = "No valid bearer token (WWW-Authenticate says why)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "403", description = "The token is not an auditor's (the right sign-checkpoint is named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "409", description = "log-tampered: the stored leaves no longer yield the last checkpoint's root",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "503", description = "service-unavailable: this instance is not the cluster's signer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    ResponseEntity<StoredCheckpoint> sign() {
        CheckpointSigner.Signed signed = signer.signNow();
        return ResponseEntity.status(signed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(signed.checkpoint());
    }

    /** Behind a proxy that sends this path to the signer it never happens; answered all the same. */
    @ExceptionHandler(NotTheSignerException.class)
    ProblemDetail notTheSigner(NotTheSignerException e, HttpServletRequest request) {
        return Problems.of(ProblemType.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }
}
