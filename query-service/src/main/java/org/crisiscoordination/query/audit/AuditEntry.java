package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.crisiscoordination.kernel.audit.AuditRecord;

/**
 * One stored event as the audit sees it: where it is, what it says, who caused it, and its link in
 * its aggregate's hash chain.
 *
 * @param position    its global position in the store
 * @param occurredAt  ISO-8601 UTC, exactly as stored (the hash covers this text)
 * @param onBehalfOf  the party the actor acted for, if any
 * @param payloadRevision the stored payload revision, if any (the hash covers it then)
 */
public record AuditEntry(long position, String aggregateType, String aggregateId, long sequence, String eventType,
                         JsonNode payload, String occurredAt, String actor, @Schema(nullable = true) String onBehalfOf, @Schema(nullable = true) String commandId,
                         String correlationId, @Schema(nullable = true) String causationId, String previousHash, String hash,
                         @Schema(nullable = true) String payloadRevision) {

    /** What its hash covers. */
    public AuditRecord record() {
        return new AuditRecord(aggregateType, aggregateId, sequence, eventType, payload, occurredAt, actor, onBehalfOf,
                commandId, correlationId, causationId, payloadRevision);
    }
}
