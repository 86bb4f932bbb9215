package org.crisiscoordination.command.write;

import org.crisiscoordination.kernel.audit.AuditMetadata;
import org.crisiscoordination.kernel.region.Party;

import java.util.HashMap;
import java.util.Map;

/**
 * What the headers of a write say about it: who makes it and for whom, the conversation it
 * belongs to, and its idempotency key and expected version if any.
 *
 * @param expectedVersion the aggregate version {@code If-Match} requires, or null
 */
public record WriteContext(String actor, Party onBehalfOf, String correlationId, String idempotencyKey,
                           Long expectedVersion, String method, String path) {

    public WriteContext withoutExpectedVersion() {
        return new WriteContext(actor, onBehalfOf, correlationId, idempotencyKey, null, method, path);
    }

    /** The metadata the command carries; the events it causes inherit the audit part of it. */
    public Map<String, Object> commandMetaData() {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AuditMetadata.ACTOR, actor);
        meta.put(AuditMetadata.CORRELATION_ID, correlationId);
        if (onBehalfOf != null) {
            meta.put(AuditMetadata.ON_BEHALF_OF, onBehalfOf.code());
        }
        if (expectedVersion != null) {
            meta.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion);
        }
        return meta;
    }
}
