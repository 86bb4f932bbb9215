package org.crisiscoordination.query.replay;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.web.NotFoundException;
import org.crisiscoordination.query.web.ReplayRefusedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The projections as an operator sees them: how far each has come, and rebuilding one from the first event. */
@Component
public class Projections {

    private static final long STOP_SECONDS = 30;

    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;

    public Projections(EventProcessingConfiguration processing, ProjectionProgress progress, JdbcTemplate jdbc,
                       TransactionManager transactions) {
        this.processing = processing;
        this.progress = progress;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * @param status   RUNNING, REPLAYING, STOPPED or ERROR, as this instance sees its processor
     * @param position the global position up to which the projection has handled the store
     * @param lag      how many events the store holds after that position
     * @param progress how much of the store it has handled, 0..1; while replaying, of the replay
     * @param deadLetters how many events it parked because they failed deterministically (they,
     *                    and later events of their sequences, wait in its dead-letter queue)
     */
    public record Status(String name, String status, long position, long lag, boolean replaying, double progress,
                         long deadLetters) {
    }

    public List<Status> all() {
        long head = positionOfLastEvent();
        return progress.projections().stream().sorted().map(name -> statusOf(name, head)).toList();
    }

    /** How many events the projection has parked in its dead-letter queue. */
    public long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /**
     * Stops the projection, resets its token (its reset handler empties its tables), empties its
     * dead-letter queue (an event that still fails is parked again), and starts it again from the
     * first event; it rebuilds in the background while reads go on.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ReplayRefusedException(name + " cannot be replayed", null);
        }
        try {
            processor.shutdownAsync().get(STOP_SECONDS, TimeUnit.SECONDS);
            processor.resetTokens();
            processing.deadLetterQueue(name).ifPresent(queue -> transactions.executeInTransaction(queue::clear));
        } catch (UnableToClaimTokenException e) {
            throw new ReplayRefusedException("another instance of the query service holds " + name
                    + "; stop it there, or replay on the instance that holds it", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReplayRefusedException(name + " did not stop within " + STOP_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayRefusedException("interrupted while stopping " + name, e);
        } finally {
            processor.start();
        }
    }

    private Status statusOf(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        List<TrackingToken> tokens = progress.tokensOf(name);
        long position = tokens.isEmpty() ? 0 : tokens.stream().mapToLong(Projections::positionOf).min().orElse(0);
        boolean replaying = tokens.stream().anyMatch(Projections::stillReplaying);
        long resetAt = tokens.stream().map(ReplayToken::getTokenAtReset).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max().orElse(head);
        String status = processor.isError() ? "ERROR" : !processor.isRunning() ? "STOPPED"
                : replaying ? "REPLAYING" : "RUNNING";
        return new Status(name, status, position, eventsAfter(position), replaying,
                fraction(position, replaying ? resetAt : head), deadLetters(name));
    }

    private StreamingEventProcessor processor(String name) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        return processor.orElseThrow(() -> new NotFoundException("there is no projection " + name));
    }

    /**
     * Axon keeps a token a replay token until an event after the reset point arrives; a replay
     * that has reached the point it was reset at is done for all a reader can tell.
     */
    private static boolean stillReplaying(TrackingToken token) {
        return token instanceof ReplayToken replay
                && (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset()));
    }

    private static long positionOf(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return current == null ? 0 : current.position().orElse(0);
    }

    private static double fraction(long position, long of) {
        return of <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (double) position / of));
    }

    private long positionOfLastEvent() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from " + EventStoreSchema.EVENTS, Long.class);
        return head == null ? 0 : head;
    }

    private long eventsAfter(long position) {
        Long lag = jdbc.queryForObject("select count(*) from " + EventStoreSchema.EVENTS + " where global_index > ?",
                Long.class, position);
        return lag == null ? 0 : lag;
    }
}
