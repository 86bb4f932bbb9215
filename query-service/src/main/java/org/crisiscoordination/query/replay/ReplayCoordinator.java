package org.crisiscoordination.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.readmodel.ReadModels;
import org.crisiscoordination.query.readmodel.TableSet;
import org.crisiscoordination.query.web.NotFoundException;
import org.crisiscoordination.query.web.ReplayRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries out blue/green replays on this instance, as the shared {@link ServedVersions} rows say:
 * every instance runs the processor of each projection's served set, runs the other set's only
 * while it is being rebuilt, and stops it otherwise. Whichever instance first sees a rebuild caught
 * up with the served set (and with the store as it was when the replay was asked for) switches
 * reads to it, in one transaction; whichever first sees the old set's processor stopped everywhere
 * empties it once no read can still be using it. A replay is asked for once, on any instance, and
 * no instance needs stopping by hand.
 */
@Component
public class ReplayCoordinator {

    /** Axon's own name for this instance, the owner it writes on the tokens it claims. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private static final Logger LOG = LoggerFactory.getLogger(ReplayCoordinator.class);
    private static final long TICK_MILLIS = 200;
    private static final long STOP_WAIT_SECONDS = 10;
    /** Axon's claim timeout: a claim not extended for this long is one of an instance that is gone. */
    private static final String LIVE_CLAIM = "10 seconds";

    private final EventProcessingConfiguration processing;
    private final ServedVersions versions;
    private final ProjectionProgress progress;
    private final JdbcTemplate jdbc;
    private final ReadModels readModels;
    private final TransactionTemplate transaction;
    private final Map<String, CompletableFuture<Void>> stopping = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-coordinator");
        thread.setDaemon(true);
        return thread;
    });

    public ReplayCoordinator(EventProcessingConfiguration processing, ServedVersions versions,
                             ProjectionProgress progress, JdbcTemplate jdbc, ReadModels readModels,
                             PlatformTransactionManager transactions) {
        this.readModels = readModels;
        this.processing = processing;
        this.versions = versions;
        this.progress = progress;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Once Axon has started every processor: the ones standing idle stop at once. */
    @EventListener(ApplicationStartedEvent.class)
    void begin() {
        versions.register(progress.projections());
        tickSafely();
        ticks.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Before Axon stops the processors, so that no tick starts one again. */
    @EventListener(ContextClosedEvent.class)
    void end() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Starts a rebuild of the projection in its other table set: its processor's tokens go, its
     * tables and dead letters are emptied, and every instance starts it from the first event.
     *
     * @throws ReplayRefusedException while a replay of the projection is in progress (building,
     *                                or retiring the version it replaced)
     */
    void replay(String projection) {
        if (TableSet.isStandby(projection)) {
            throw new NotFoundException("there is no projection " + projection);
        }
        processor(TableSet.A.processor(projection));
        versions.of(projection).filter(served -> served.state() == ServedVersion.State.IDLE)
                .ifPresent(served -> awaitStopped(served.otherProcessor()));
        transaction.executeWithoutResult(status -> {
            ServedVersion served = versions.lock(projection)
                    .orElseThrow(() -> new ReplayRefusedException(projection + " is not set up yet", null));
            if (served.state() == ServedVersion.State.BUILDING) {
                throw new ReplayRefusedException("a replay of " + projection + " is in progress: version "
                        + (served.version() + 1) + " is being built since " + served.requestedAt()
                        + ", asked of " + served.requestedBy() + "; follow it at /api/projections", null);
            }
            if (served.state() == ServedVersion.State.RETIRING) {
                throw new ReplayRefusedException("version " + (served.version() - 1) + " of " + projection
                        + " is still being emptied after the last replay; try again in a few seconds", null);
            }
            List<String> holders = liveClaims(served.otherProcessor());
            if (!holders.isEmpty()) {
                throw new ReplayRefusedException("the idle processor of " + projection + " did not stop within "
                        + STOP_WAIT_SECONDS + " s on " + String.join(", ", holders) + "; try again later", null);
            }
            jdbc.update("delete from read_model.token_entry where processor_name = ?", served.otherProcessor());
            empty(served.other(), served.otherProcessor());
            versions.building(projection, INSTANCE, lastPosition());
        });
        tickSafely();
    }

    /**
     * An instance that has just started runs every processor for a moment (Axon starts them all)
     * until its first look at the served versions: a replay asked for then waits for it.
     */
    private void awaitStopped(String processor) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (!liveClaims(processor).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(TICK_MILLIS / 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Could not bring the projections' processors in line with their served versions; retrying", e);
        }
    }

    private synchronized void tick() {
        for (ServedVersion version : versions.all()) {
            if (processing.eventProcessor(version.servedProcessor()).isEmpty()) {
                continue;
            }
            run(version.servedProcessor());
            if (version.state() == ServedVersion.State.BUILDING) {
                run(version.otherProcessor());
                switchIfCaughtUp(version);
            } else {
                stop(version.otherProcessor());
                if (version.state() == ServedVersion.State.RETIRING) {
                    retire(version);
                }
            }
        }
    }

    private void run(String name) {
        CompletableFuture<Void> stop = stopping.get(name);
        if (stop != null && !stop.isDone()) {
            return;
        }
        stopping.remove(name);
        StreamingEventProcessor processor = processor(name);
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    private void stop(String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor.isRunning() && !stopping.containsKey(name)) {
            stopping.put(name, processor.shutdownAsync());
        }
    }

    /**
     * Reads switch to the rebuilt set once every segment of it has passed every segment of the
     * served one, whose tokens are locked meanwhile: a consistency token the served set covered
     * before the switch, the rebuilt set covers after it.
     */
    private void switchIfCaughtUp(ServedVersion building) {
        Boolean switched = attempt(() -> transaction.execute(status -> {
            ServedVersion locked = versions.lock(building.projection()).orElse(null);
            if (locked == null || locked.state() != ServedVersion.State.BUILDING || locked.served() != building.served()) {
                return false;
            }
            jdbc.execute("set local lock_timeout = '2s'");
            jdbc.query("select 1 from read_model.token_entry where processor_name = ? for update", rs -> { },
                    locked.servedProcessor());
            List<TrackingToken> rebuilt = progress.tokensOf(locked.otherProcessor());
            if (rebuilt.isEmpty()) {
                return false;
            }
            long built = rebuilt.stream().mapToLong(ProjectionProgress::positionOf).min().orElse(0);
            long served = progress.tokensOf(locked.servedProcessor()).stream()
                    .mapToLong(ProjectionProgress::positionOf).max().orElse(0);
            long target = locked.targetPosition() == null ? 0 : locked.targetPosition();
            if (built < Math.max(served, target)) {
                return false;
            }
            versions.switchTo(locked);
            return true;
        }));
        if (Boolean.TRUE.equals(switched)) {
            LOG.info("{} now serves version {} from table set {}", building.projection(), building.version() + 1,
                    building.other());
        }
    }

    /**
     * Empties the set reads switched away from, once its processor has stopped on every instance
     * and every read that may have chosen it has ended (an exclusive hold of the projection's read
     * lock, which each such read holds shared).
     */
    private void retire(ServedVersion retiring) {
        if (!liveClaims(retiring.otherProcessor()).isEmpty()) {
            return;
        }
        Boolean passed = attempt(() -> transaction.execute(status -> {
            ServedVersion locked = versions.lock(retiring.projection()).orElse(null);
            if (locked == null || locked.state() != ServedVersion.State.RETIRING) {
                return false;
            }
            jdbc.execute("set local lock_timeout = '5s'");
            readModels.awaitReadsUnderWay(retiring.projection());
            return true;
        }));
        if (!Boolean.TRUE.equals(passed)) {
            return;
        }
        Boolean emptied = attempt(() -> transaction.execute(status -> {
            ServedVersion locked = versions.lock(retiring.projection()).orElse(null);
            if (locked == null || locked.state() != ServedVersion.State.RETIRING) {
                return false;
            }
            empty(locked.other(), locked.otherProcessor());
            versions.idle(locked.projection());
            return true;
        }));
        if (Boolean.TRUE.equals(emptied)) {
            LOG.info("{}: version {} emptied from table set {}", retiring.projection(), retiring.version() - 1,
                    retiring.other());
        }
    }

    /** The projection's own reset handler empties the set's tables, its dead letters go with them. */
    private void empty(TableSet set, String processorName) {
        jdbc.queryForObject("select set_config('search_path', ?, true)", String.class, set.schema());
        EventProcessor processor = processor(processorName);
        if (processor instanceof TrackingEventProcessor tracking) {
            tracking.eventHandlerInvoker().performReset();
        }
    }

    private List<String> liveClaims(String processor) {
        return jdbc.queryForList("""
                select distinct owner from read_model.token_entry
                where processor_name = ? and owner is not null
                  and "timestamp"::timestamptz > now() - interval '""" + LIVE_CLAIM + "'", String.class, processor);
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("select coalesce(max(global_index), 0) from " + EventStoreSchema.EVENTS, Long.class);
        return last == null ? 0 : last;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("there is no projection " + TableSet.projectionOf(name)));
    }

    private static <T> T attempt(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DataAccessException e) {
            LOG.debug("A replay step will be tried again: {}", e.getMessage());
            return null;
        }
    }
}
