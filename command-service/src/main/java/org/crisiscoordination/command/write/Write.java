package org.crisiscoordination.command.write;

/**
 * One write as a controller describes it to the {@link CommandWriter}: made by the factory that
 * says what it does, such as {@code Write.createPart(CRISIS, crisisId, Part.REFERRAL, referralId, command, body)}.
 *
 * @param kind        what it answers and whether {@code If-Match} applies
 * @param addressed   the aggregate the command is sent to: its absence names its not-found rule
 * @param written     the aggregate the write appends to and answers the version of
 * @param aggregateId the id of the written aggregate
 * @param part        what a created part is, or null
 * @param id          what the write created or changed, named in the answer
 * @param command     the command to send
 * @param body        the request body, which an idempotent retry must repeat
 * @param <R>         the answer of its kind
 */
public record Write<R extends WriteResponse>(WriteKind<R> kind, AggregateType addressed, AggregateType written,
                                             String aggregateId, Part part, String id, Object command, Object body) {

    /** The parts of an aggregate a write can create, each named in the answer by its own field. */
    public enum Part { REFERRAL, PROPOSAL }

    /** Creates the aggregate with the id; the id must be unused. */
    public static Write<WriteResponse.AggregateCreated> createAggregate(AggregateType type, String id, Object command,
                                                                         Object body) {
        return new Write<>(WriteKind.CREATES_AGGREGATE, type, type, id, null, id, command, body);
    }

    /** Creates a part (a referral, a proposal) of an existing aggregate, answered by the part's id. */
    public static Write<WriteResponse.PartCreated> createPart(AggregateType type, String aggregateId, Part part,
                                                               String partId, Object command, Object body) {
        return new Write<>(WriteKind.CREATES_PART, type, type, aggregateId, part, partId, command, body);
    }

    /** Changes an existing aggregate. */
    public static Write<WriteResponse.Changed> change(AggregateType type, String aggregateId, Object command,
                                                      Object body) {
        return new Write<>(WriteKind.CHANGES, type, type, aggregateId, null, aggregateId, command, body);
    }

    /**
     * The same write sent to another aggregate, which creates this one (a crisis convenes its
     * channel): an unknown id then names the addressed aggregate's not-found rule.
     */
    public Write<R> addressedTo(AggregateType type) {
        return new Write<>(kind, type, written, aggregateId, part, id, command, body);
    }

    WriteAnswer answer(long version, String consistencyToken) {
        return new WriteAnswer(id, aggregateId, version, consistencyToken,
                part == Part.REFERRAL ? id : null,
                written == AggregateType.CHANNEL && kind == WriteKind.CREATES_AGGREGATE ? id : null,
                part == Part.PROPOSAL ? id : null);
    }
}
