package org.crisiscoordination.command.write;

import org.crisiscoordination.edge.security.Caller;
import org.crisiscoordination.kernel.audit.AuditMetadata;

import java.util.HashMap;
import java.util.Map;

/**
 * What a write's token and headers say about it: who makes it and for whom (the caller's verified
 * token), the conversation it belongs to, and its idempotency key and expected version if any.
 *
 * @param expectedVersion the aggregate version {@code If-Match} requires, or null
 */
public record WriteContext(Caller caller, String correlationId, String idempotencyKey,
                           Long expectedVersion, String method, String path) {

    public WriteContext withoutExpectedVersion() {
        return new WriteContext(caller, correlationId, idempotencyKey, null, method, path);
    }

    /** The metadata the command carries; the events it causes inherit the audit part of it. */
    public Map<String, Object> commandMetaData() {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AuditMetadata.ACTOR, caller.actor());
        meta.put(AuditMetadata.CORRELATION_ID, correlationId);
        caller.party().ifPresent(party -> meta.put(AuditMetadata.ON_BEHALF_OF, party.code()));
        if (expectedVersion != null) {
            meta.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion);
        }
        return meta;
    }
}
