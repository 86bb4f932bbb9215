package org.crisiscoordination.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.crisiscoordination.query.config.QueryServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads each projection's segments over the running instances of the query service. Axon's
 * tracking processors claim every segment they have threads for, so the first instance to start
 * takes them all and a later one finds none free; and a stopped or killed instance's segments are
 * taken by whoever is left once its claim times out. Here each instance, every
 * {@code crisis.projections.balance-interval}, compares the segments it holds with its fair share
 * (all segments over the running instances, rounded up) and, when it holds more while some
 * instance holds fewer, releases one, which that instance then claims. Nothing is lost by a
 * release: a segment's token and its read models are stored in one transaction. A release that
 * nobody took (the instance counted was not claiming: still starting, say) is tried again after
 * twice as long each time, at most a minute, so that a silent instance costs little.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    /** Long enough for another instance to look for free segments a few times before this one may take it back. */
    private final Duration releaseFor;
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    /** Per projection: when it may release again, and the pause after that release. */
    private final Map<String, Instant> nextRelease = new ConcurrentHashMap<>();
    private final Map<String, Duration> pause = new ConcurrentHashMap<>();
    private ScheduledExecutorService schedule;

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, QueryServiceProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = properties.projections().balanceInterval();
        this.releaseFor = properties.projections().claimInterval().multipliedBy(4);
    }

    /** One round: at most one segment of each projection released. */
    void balance() {
        int instances = ServiceInstances.running(jdbc);
        if (instances <= 1) {
            return;
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                balance(name, streaming, instances);
            }
        });
    }

    private void balance(String name, StreamingEventProcessor processor, int instances) {
        Map<Integer, ?> mine = processor.processingStatus();
        Map<String, Integer> holders = new HashMap<>();
        int[] segments = {0};
        jdbc.query("select owner from read_model.token_entry where processor_name = ?", rs -> {
            segments[0]++;
            String owner = rs.getString(1);
            if (owner != null) {
                holders.merge(owner, 1, Integer::sum);
            }
        }, name);
        OptionalInt release = segmentToRelease(mine.keySet(), segments[0], holders, instances);
        if (release.isEmpty()) {
            pause.remove(name);
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(nextRelease.getOrDefault(name, Instant.MIN))) {
            return;
        }
        Duration paused = pause.getOrDefault(name, releaseFor);
        nextRelease.put(name, now.plus(paused));
        pause.put(name, paused.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : paused.multipliedBy(2));
        log.info("Releasing segment {} of {}: this instance holds {} of {}, more than its share among {} instances",
                release.getAsInt(), name, mine.size(), segments[0], instances);
        processor.releaseSegment(release.getAsInt(), releaseFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The segment this instance should release, if any: when it holds more than its fair share
     * (all segments over the running instances, rounded up) while some instance holds less (one
     * that holds none is not among the holders).
     *
     * @param mine      the segments this instance holds
     * @param holders   how many segments each owner holds, this instance included
     */
    static OptionalInt segmentToRelease(Set<Integer> mine, int segments, Map<String, Integer> holders, int instances) {
        int fair = (segments + instances - 1) / instances;
        boolean someoneShort = holders.size() < instances || holders.values().stream().anyMatch(held -> held < fair);
        if (mine.size() <= fair || !someoneShort) {
            return OptionalInt.empty();
        }
        return mine.stream().mapToInt(Integer::intValue).max();
    }

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.debug("Could not balance the segments this round: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
