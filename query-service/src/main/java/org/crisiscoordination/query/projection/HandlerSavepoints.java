package org.crisiscoordination.query.projection;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler in a savepoint of its batch's transaction. A statement that fails in
 * PostgreSQL aborts the whole transaction; rolled back to its savepoint, one failed event leaves
 * the batch usable, so the event can be parked in the dead-letter queue (in the same transaction)
 * and the batch's other events still commit.
 */
@Component
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

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

    /** Carries a handler's checked exception through the transaction template, which rolls back on it. */
    private static final class CheckedFailure extends RuntimeException {

        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
