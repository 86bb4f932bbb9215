package org.crisiscoordination.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.SerializationException;

import java.sql.SQLException;

/**
 * Which failed events are parked in the dead-letter queue: only those that would fail the same
 * way on every retry, because of what they hold — data PostgreSQL refuses (SQLState class 22,
 * such as a U+0000 in a text column), a broken constraint (class 23), or a payload that cannot be
 * deserialised. Anything else (the database away, a lost connection, a deadlock) is rethrown, so
 * the processor retries the batch with back-off and skips nothing. So is a failure outside a
 * savepoint ({@link HandlerSavepoints}), to be retried with one.
 */
public final class DeterministicFailures implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause instanceof HandlerSavepoints.RetryWithSavepoint retry) {
            throw retry; // the batch's transaction may be aborted: nothing can be parked in it
        }
        if (isDeterministic(cause)) {
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new TransientProjectionFailure(cause);
    }

    static boolean isDeterministic(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SerializationException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** A checked failure worth retrying, carried out of the handler invoker to fail the batch. */
    static final class TransientProjectionFailure extends RuntimeException {

        TransientProjectionFailure(Throwable cause) {
            super(cause);
        }
    }
}
