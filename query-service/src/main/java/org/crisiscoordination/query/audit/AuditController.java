package org.crisiscoordination.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.kernel.validation.Validator;
import org.crisiscoordination.query.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The whole store's audit log and its verification, read from the store itself. */
@RestController
@Tag(name = "Audit")
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final int MAX_ID = 255;

    private final EventStoreReader store;
    private final HashChainVerifier verifier;
    private final LogVerifier logVerifier;

    AuditController(EventStoreReader store, HashChainVerifier verifier, LogVerifier logVerifier) {
        this.store = store;
        this.verifier = verifier;
        this.logVerifier = logVerifier;
    }

    /** @param nextAfter the {@code after} of the next page: the last position served, or the one asked for */
    record LogPage(List<AuditEntry> entries, long nextAfter) {
    }

    @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The whole store's audit log in global order, paged by position",
            description = "Never skips: it serves only up to the safe position, below which no append is still in flight")
    LogPage log(@RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit) {
        Validator v = new Validator();
        if (after != null && after < 0) {
            v.reject("after", "must be 0 or more");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            v.reject("limit", "must be from 1 to " + MAX_LIMIT);
        }
        v.throwIfInvalid();
        long from = after == null ? 0 : after;
        List<AuditEntry> entries = store.after(from, limit == null ? DEFAULT_LIMIT : limit);
        return new LogPage(entries, entries.isEmpty() ? from : entries.get(entries.size() - 1).position());
    }

    @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute what is stored: one aggregate's hash chain, or the whole log (or a range of"
            + " positions) with its chains, leaves, tree and checkpoints",
            description = "With aggregateId: that aggregate's chain. Without: every break in the log, positions"
                    + " from..to (both optional, inclusive)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {
            HashChainVerifier.Verification.class, LogVerifier.LogVerification.class})))
    Object verify(@RequestParam(required = false) String aggregateId, @RequestParam(required = false) Long from,
                  @RequestParam(required = false) Long to) {
        if (aggregateId == null) {
            Validator v = new Validator();
            if (from != null && from < 1) {
                v.reject("from", "must be 1 or more");
            }
            if (to != null && to < 1) {
                v.reject("to", "must be 1 or more");
            }
            if (from != null && to != null && from > to) {
                v.reject("to", "must be at least from");
            }
            v.throwIfInvalid();
            return logVerifier.verify(from, to);
        }
        Validator v = new Validator().text("aggregateId", aggregateId, MAX_ID);
        if (from != null || to != null) {
            v.reject(from != null ? "from" : "to", "verifies the whole log; leave it out with aggregateId");
        }
        v.throwIfInvalid();
        List<AuditEntry> stream = store.stream(aggregateId);
        if (stream.isEmpty()) {
            throw new NotFoundException("no aggregate " + aggregateId + " is in the store");
        }
        return verifier.verify(aggregateId, stream);
    }
}
