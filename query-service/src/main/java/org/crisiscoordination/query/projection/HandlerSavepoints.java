package org.crisiscoordination.query.projection;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an event handler that has failed before in a savepoint of its batch's transaction. A
 * statement that fails in PostgreSQL aborts the whole transaction; rolled back to its savepoint,
 * one failed event leaves the batch usable, so the event can be parked in the dead-letter queue
 * (in the same transaction) and the batch's other events still commit.
 * <p>
 * A savepoint costs two round trips per event, as much as a handler's own work, so handlers run
 * without one until one fails: that failure fails the whole batch ({@link RetryWithSavepoint},
 * which {@link DeterministicFailures} rethrows), the processor rolls it back and retries it, and
 * in the retry that event's handler runs in a savepoint, to be parked if it fails again. Only a
 * processor's batch can be retried so: elsewhere (a parked event retried from the dead-letter
 * queue, in a transaction of its own) every handler runs in a savepoint, as before.
 */
@Component
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    /** Failures waiting for their retry; past this many, forgotten (they fail once more and come back). */
    private static final int REMEMBERED = 1_000;

    private final TransactionTemplate savepoint;
    private final Set<String> failedBefore = ConcurrentHashMap.newKeySet();

    public HandlerSavepoints(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) && original.hasAnnotation(EventHandler.class)
                ? new Savepointed<>(original) : original;
    }

    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {

        Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            // the same event reaches each projection: one projection's failure is its own
            String handling = message.getIdentifier() + ' ' + target.getClass().getName();
            if (inBatch() && !failedBefore.remove(handling)) {
                try {
                    return super.handle(message, target);
                } catch (Exception e) {
                    if (failedBefore.size() >= REMEMBERED) {
                        failedBefore.clear();
                    }
                    failedBefore.add(handling);
                    throw new RetryWithSavepoint(e);
                }
            }
            try {
                return savepoint.execute(status -> {
                    try {
                        return Savepointed.super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CheckedFailure(e);
                    }
                });
            } catch (CheckedFailure e) {
                throw (Exception) e.getCause();
            }
        }
    }

    private static boolean inBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork;
    }

    /**
     * A handler failed outside a savepoint: its batch's transaction may be aborted, so the batch
     * must be rolled back and retried, that handler in a savepoint this time.
     */
    static final class RetryWithSavepoint extends RuntimeException {

        RetryWithSavepoint(Exception cause) {
            super("an event handler failed outside a savepoint; its batch is retried with one", cause);
        }
    }

    /** Carries a handler's checked exception through the transaction template, which rolls back on it. */
    private static final class CheckedFailure extends RuntimeException {

        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
