package org.crisiscoordination.kernel.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the hash of a stored event covers: everything of its audit entry except the position (the
 * database assigns it after the write) and the hash itself. {@code occurredAt} is the stored ISO-8601
 * text (millisecond precision), {@code payload} the stored JSON.
 *
 * @param payloadRevision the stored payload revision; in the canonical form only when there is one,
 *                        so that the hashes of events stored without a revision stay what they were
 */
public record AuditRecord(String aggregateType, String aggregateId, long sequence, String eventType,
                          JsonNode payload, String occurredAt, String actor, String onBehalfOf, String commandId,
                          String correlationId, String causationId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String payloadRevision) {

    /** The record of an event stored without a payload revision. */
    public AuditRecord(String aggregateType, String aggregateId, long sequence, String eventType,
                       JsonNode payload, String occurredAt, String actor, String onBehalfOf, String commandId,
                       String correlationId, String causationId) {
        this(aggregateType, aggregateId, sequence, eventType, payload, occurredAt, actor, onBehalfOf, commandId,
                correlationId, causationId, null);
    }
}
