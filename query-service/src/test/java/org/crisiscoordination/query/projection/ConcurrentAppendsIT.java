package org.crisiscoordination.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.crisiscoordination.edge.store.AppendWatermark;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.audit.EventStoreReader;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventAppender.Appended;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Appends run in parallel and commit out of position order; readers in position order must still
 * see every committed event exactly once, in position order. Many writers hold their appends in
 * flight for random times and roll some back while the audit log's paging and Axon's storage
 * engine (what the processors read through) tail the store; and a deterministic race shows that a
 * reader that only asks for "after the last position I saw" skips the event that commits late.
 */
class ConcurrentAppendsIT extends QueryServiceIT {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 30;
    private static final int PAGE = 7;

    @Autowired
    private EventStoreReader auditLog;

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private AppendWatermark watermark;

    @Autowired
    private DataSource dataSource;

    private EventAppender store;

    @BeforeEach
    void appender() {
        store = new EventAppender(jdbc).notifying();
    }

    /** A reader in position order: the aggregate ids of the events after a position, in order. */
    private interface Tail {
        List<Seen> after(long position);
    }

    private record Seen(long position, String aggregateId) {
    }

    @Test
    void readersTailingParallelAppendsSeeEveryCommittedEventOnceInPositionOrder() throws Exception {
        long start = watermark.safePosition();
        Map<Long, String> committed = new ConcurrentSkipListMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            Future<List<Seen>> audit = threads.submit(() -> tail(this::auditPage, start, writing, committed));
            Future<List<Seen>> engine = threads.submit(() -> tail(engineFrom(), start, writing, committed));
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(threads.submit(() -> appendWithRandomDelaysAndRollbacks(committed)));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);

            assertThat(committed).hasSizeGreaterThan(WRITERS * APPENDS_PER_WRITER / 2);
            seesEveryCommittedEventOnceInOrder(audit.get(60, TimeUnit.SECONDS), committed);
            seesEveryCommittedEventOnceInOrder(engine.get(60, TimeUnit.SECONDS), committed);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anAppendInFlightHoldsTheAuditLogBeforeItsPositionUntilItCommits() throws Exception {
        List<Seen> seen = lateCommit(this::auditPage);

        seesEveryCommittedEventOnceInOrder(seen, lastLateCommit);
    }

    @Test
    void aReaderAskingOnlyForPositionsAfterTheLastItSawSkipsTheEventThatCommitsLate() throws Exception {
        List<Seen> seen = lateCommit(this::naivePage);

        assertThatThrownBy(() -> seesEveryCommittedEventOnceInOrder(seen, lastLateCommit))
                .isInstanceOf(AssertionError.class);
        assertThat(seen).extracting(Seen::aggregateId).containsExactly(lastLateCommit.values().stream()
                .skip(1).toArray(String[]::new));
    }

    @Test
    void aTransactionThatWritesButAppendsNothingDoesNotHoldTheWatermarkBack() throws Exception {
        try (Connection idle = dataSource.getConnection(); Statement statement = idle.createStatement()) {
            idle.setAutoCommit(false);
            statement.execute("select pg_current_xact_id()"); // it has a transaction id, as a writer has
            statement.execute("select 1 from " + EventStoreSchema.EVENTS + " limit 1");

            Appended appended = appendRaised((event, status) -> { });

            assertThat(watermark.safePosition()).isGreaterThanOrEqualTo(appended.position());
            idle.rollback();
        }
    }

    // --- the late commit: A draws a position, B draws the next and commits, the reader reads, A commits

    private Map<Long, String> lastLateCommit;

    private List<Seen> lateCommit(Tail tail) throws Exception {
        long start = watermark.safePosition();
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Appended> early = first.submit(() -> appendRaised((appended, status) -> {
                drawn.countDown();
                awaitLatch(release);
            }));
            assertThat(drawn.await(10, TimeUnit.SECONDS)).isTrue();
            Appended late = appendRaised((appended, status) -> { });

            List<Seen> seen = new ArrayList<>(tail.after(start));
            release.countDown();
            Appended committedEarly = early.get(10, TimeUnit.SECONDS);
            assertThat(committedEarly.position()).isLessThan(late.position());
            long last = seen.isEmpty() ? start : seen.get(seen.size() - 1).position();
            await("the late commit showing").atMost(Duration.ofSeconds(5))
                    .until(() -> watermark.safePosition() >= late.position());
            seen.addAll(tail.after(last));

            lastLateCommit = new ConcurrentSkipListMap<>(Map.of(committedEarly.position(), committedEarly.record().aggregateId(),
                    late.position(), late.record().aggregateId()));
            return seen;
        } finally {
            release.countDown();
            first.shutdownNow();
        }
    }

    // --- readers and writers ------------------------------------------------------------------------

    private List<Seen> auditPage(long after) {
        return auditLog.after(after, PAGE).stream().map(entry -> new Seen(entry.position(), entry.aggregateId())).toList();
    }

    /** Everything visible after the position, the way a reader without a watermark would page. */
    private List<Seen> naivePage(long after) {
        return jdbc.query("select global_index, aggregate_identifier from " + EventStoreSchema.EVENTS
                        + " where global_index > ? order by global_index",
                (rs, row) -> new Seen(rs.getLong(1), rs.getString(2)), after);
    }

    /** Axon's storage engine read from a token at the position, as a tracking processor reads. */
    private Tail engineFrom() {
        TrackingToken[] token = new TrackingToken[1];
        return after -> {
            if (token[0] == null) {
                token[0] = GapAwareTrackingToken.newInstance(after, Collections.emptySet());
            }
            List<Seen> seen = new ArrayList<>();
            try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(token[0], false)) {
                events.forEach(event -> {
                    token[0] = event.trackingToken();
                    seen.add(new Seen(event.trackingToken().position().orElseThrow(),
                            ((org.axonframework.eventhandling.DomainEventMessage<?>) event).getAggregateIdentifier()));
                });
            }
            return seen;
        };
    }

    /** Tails, polling every few milliseconds, until the writers are done and it has read the last commit. */
    private static List<Seen> tail(Tail tail, long start, AtomicBoolean writing, Map<Long, String> committed) {
        List<Seen> seen = new ArrayList<>();
        await("a reader tailing the store").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2)).until(() -> {
                    boolean done = !writing.get();
                    long last = seen.isEmpty() ? start : seen.get(seen.size() - 1).position();
                    List<Seen> page = tail.after(last);
                    seen.addAll(page);
                    return page.isEmpty() && done
                            && (committed.isEmpty() || last >= Collections.max(committed.keySet()));
                });
        return seen;
    }

    private void appendWithRandomDelaysAndRollbacks(Map<Long, String> committed) {
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean rollBack = random.nextInt(4) == 0;
            double inFlightSeconds = random.nextInt(20) / 1000.0;
            try {
                Appended appended = appendRaised((event, status) -> {
                    // held in flight on the server, so that later positions commit first
                    jdbc.query("select pg_sleep(?)", rs -> null, inFlightSeconds);
                    if (rollBack) {
                        status.setRollbackOnly();
                    }
                });
                if (!rollBack) {
                    committed.put(appended.position(), appended.record().aggregateId());
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("an append failed", e);
            }
        }
    }

    /** The reader saw exactly the committed events, each once, in position order. */
    private static void seesEveryCommittedEventOnceInOrder(List<Seen> seen, Map<Long, String> committed) {
        List<Seen> expected = committed.entrySet().stream()
                .map(entry -> new Seen(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(Seen::position)).toList();
        assertThat(seen).as("events seen in position order, each once").containsExactlyElementsOf(expected);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Raises a new crisis, running {@code inFlight} before its transaction ends. */
    private Appended appendRaised(BiConsumer<Appended, TransactionStatus> inFlight) {
        CrisisId crisis = CrisisId.random();
        return store.append("Crisis", crisis.toString(), new RegionalCrisisRaised(crisis, "Crisis " + crisis,
                "Luzon", SecurityTopic.DISASTER_RELIEF, Severity.of(2), List.of(StateCode.of("PH")),
                "A standoff"), inFlight);
    }
}
