package org.crisiscoordination.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets a processor handle events only while its table set is served or being rebuilt, asked once
 * per batch of the shared {@code served_read_model} row. Axon starts every processor when an
 * instance starts, and an instance learns only on its next look that reads switched away from a
 * set; until its processor is stopped there, a batch it tries fails (and is retried, if it is
 * wanted again by then) rather than writing a set that stands idle.
 */
final class IdleSetGuard implements MessageHandlerInterceptor<EventMessage<?>> {

    private final JdbcTemplate jdbc;
    private final String projection;
    private final TableSet set;
    private final String resource;

    IdleSetGuard(JdbcTemplate jdbc, String projection, TableSet set) {
        this.jdbc = jdbc;
        this.projection = projection;
        this.set = set;
        this.resource = IdleSetGuard.class.getName() + "/" + set.processor(projection);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Boolean wanted = unitOfWork.root().getOrComputeResource(resource, key -> jdbc.queryForObject("""
                        select coalesce((select served_set = ? or state = 'BUILDING'
                                         from read_model.served_read_model where projection = ?), ?)""",
                Boolean.class, set.name(), projection, set == TableSet.A));
        if (!Boolean.TRUE.equals(wanted)) {
            throw new StandingIdle(set.processor(projection) + " stands idle: its table set is neither served nor"
                    + " being rebuilt");
        }
        return interceptorChain.proceed();
    }

    /** Fails the batch, which nothing may write. */
    static final class StandingIdle extends IllegalStateException {

        StandingIdle(String message) {
            super(message);
        }
    }
}
