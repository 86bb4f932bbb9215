package org.crisiscoordination.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.crisiscoordination.query.readmodel.ServedSets;
import org.crisiscoordination.query.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A projection's dead letters as an operator handles them, through Axon's own queue and
 * processor: each parked event with the letters waiting behind it in its sequence, a retry of one
 * sequence or of all (the projection's handlers run again, in order; a letter that fails again is
 * parked again), and eviction of a sequence (its events are given up on by that read model).
 */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final ServedSets servedSets;

    DeadLetters(EventProcessingConfiguration processing, TransactionManager transactions, ServedSets servedSets) {
        this.processing = processing;
        this.transactions = transactions;
        this.servedSets = servedSets;
    }

    /**
     * One parked event.
     *
     * @param sequence      the sequence it blocks or waits in (for the crisis board, the crisis's id)
     * @param position      the event's global position in the store
     * @param cause         why it failed; null for one parked only because an earlier event of its sequence was
     * @param waitingBehind how many later letters of its sequence wait behind it
     */
    record ParkedEvent(String sequence, String eventType, String eventId, @Schema(nullable = true) String aggregateId,
                       @Schema(nullable = true) Long position, @Schema(nullable = true) FailureCause cause,
                       Instant enqueuedAt, Instant lastTouchedAt, long waitingBehind) {
    }

    record FailureCause(String type, @Schema(nullable = true) String message) {
    }

    record DeadLetterPage(List<ParkedEvent> items, int page, int size, long totalItems) {
    }

    /**
     * What a retry did.
     *
     * @param sequences   how many sequences it tried
     * @param released    how many of them were handled to their end and left the queue
     * @param deadLetters how many letters the projection still holds afterwards
     */
    record RetryOutcome(int sequences, int released, long deadLetters) {
    }

    /** Sequences in the queue's order (the least recently touched first), each letter in its order. */
    DeadLetterPage list(String projection, int page, int size) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(projection);
        long skip = (long) page * size;
        List<ParkedEvent> items = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            sequence.forEach(letters::add);
            for (int i = 0; i < letters.size() && items.size() < size; i++) {
                if (skip > 0) {
                    skip--;
                } else {
                    items.add(parked(letters.get(i), letters.size() - i - 1));
                }
            }
            if (items.size() == size) {
                break;
            }
        }
        return new DeadLetterPage(items, page, size, queue.size());
    }

    /** Retries every sequence the projection has parked, each once. */
    RetryOutcome retryAll(String projection) {
        List<String> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queueOf(projection).deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> first = sequence.iterator();
            if (first.hasNext()) {
                sequences.add(sequenceOf(first.next()));
            }
        }
        return retry(projection, sequences);
    }

    /** Retries one sequence; a sequence with nothing parked is tried zero times. */
    RetryOutcome retry(String projection, String sequence) {
        return retry(projection, queueOf(projection).contains(sequence) ? List.of(sequence) : List.of());
    }

    /** Removes every letter of the sequence; the read model goes without those events. */
    void evict(String projection, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(projection);
        transactions.executeInTransaction(() -> queue.deadLetterSequence(sequence).forEach(queue::evict));
    }

    private RetryOutcome retry(String projection, List<String> sequences) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(
                        servedSets.processorOf(projection)).orElseThrow(() -> unknown(projection));
        int released = 0;
        for (String sequence : sequences) {
            if (processor.process(letter -> sequence.equals(sequenceOf(letter)))) {
                released++;
            }
        }
        return new RetryOutcome(sequences.size(), released, queueOf(projection).size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String projection) {
        if (processing.eventProcessor(projection).isEmpty()) {
            throw unknown(projection);
        }
        // the served version's queue: after a replay, that of the projection's other table set
        return processing.deadLetterQueue(servedSets.processorOf(projection)).orElseThrow(() -> unknown(projection));
    }

    private static NotFoundException unknown(String projection) {
        return new NotFoundException("there is no projection " + projection);
    }

    private static ParkedEvent parked(DeadLetter<? extends EventMessage<?>> letter, long waitingBehind) {
        EventMessage<?> event = letter.message();
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        FailureCause cause = letter.cause().map(c -> new FailureCause(c.type(), c.message())).orElse(null);
        return new ParkedEvent(sequenceOf(letter), event.getPayloadType().getSimpleName(), event.getIdentifier(),
                aggregateId, position, cause, letter.enqueuedAt(), letter.lastTouched(), waitingBehind);
    }

    /** The JDBC queue's letters know their sequence, as stored (the queues here are all JDBC). */
    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
    }
}
