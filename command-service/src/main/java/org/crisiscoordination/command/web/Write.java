package org.crisiscoordination.command.web;

import org.crisiscoordination.kernel.rules.Rule;

/**
 * One write as a controller describes it to the {@link CommandWriter}.
 *
 * @param command       the command to send
 * @param aggregateType the type of the aggregate the command addresses (its class's simple name)
 * @param aggregateId   the aggregate whose new version the answer gives
 * @param part         what the write creates or changes, named in the answer
 * @param id           the id of that thing
 * @param locationPath the read model of a created thing in the query service; null for a change
 * @param missing      the rule to name when the addressed aggregate does not exist
 * @param taken        the rule to name when a created aggregate's id is already used
 * @param body         the request body, which an idempotent retry must repeat
 */
public record Write(Object command, String aggregateType, String aggregateId, Part part, String id, String locationPath, Rule missing,
                    Rule taken, Object body) {

    /** What a write's {@code id} names. */
    public enum Part { AGGREGATE, REFERRAL, CHANNEL, PROPOSAL }

    public static Write creating(Object command, Class<?> aggregate, String aggregateId, Part part, String id,
                                 String locationPath, Rule missing, Rule taken, Object body) {
        return new Write(command, aggregate.getSimpleName(), aggregateId, part, id, locationPath, missing, taken, body);
    }

    public static Write changing(Object command, Class<?> aggregate, String aggregateId, Rule missing, Object body) {
        return new Write(command, aggregate.getSimpleName(), aggregateId, Part.AGGREGATE, aggregateId, null, missing,
                null, body);
    }

    public boolean creates() {
        return locationPath != null;
    }

    /** It creates an aggregate (not a part of one), so If-Match has nothing to apply to. */
    public boolean createsAggregate() {
        return taken != null;
    }

    WriteAnswer answer(long version, String consistencyToken) {
        return new WriteAnswer(id, aggregateId, version, consistencyToken,
                part == Part.REFERRAL ? id : null, part == Part.CHANNEL ? id : null,
                part == Part.PROPOSAL ? id : null);
    }
}
