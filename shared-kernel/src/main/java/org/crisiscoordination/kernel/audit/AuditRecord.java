package org.crisiscoordination.kernel.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the hash of a stored event covers: everything of its audit entry except the position (the
 * database assigns it after the write) and the hash itself. {@code occurredAt} is the stored ISO-8601
 * text (millisecond precision), {@code payload} the stored JSON.
 */
public record AuditRecord(String aggregateType, String aggregateId, long sequence, String eventType,
                          JsonNode payload, String occurredAt, String actor, String onBehalfOf, String commandId,
                          String correlationId, String causationId) {
}
