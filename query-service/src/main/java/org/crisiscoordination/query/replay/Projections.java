package org.crisiscoordination.query.replay;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.readmodel.TableSet;
import org.crisiscoordination.query.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The projections as an operator sees them: the version each serves, how far it has come, and
 * rebuilding one from the first event beside the served version (see {@link ReplayCoordinator}).
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final ServedVersions versions;
    private final ReplayCoordinator coordinator;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Projections(EventProcessingConfiguration processing, ProjectionProgress progress, ServedVersions versions,
                       ReplayCoordinator coordinator, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.progress = progress;
        this.versions = versions;
        this.coordinator = coordinator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param version     the number of the version reads are served from: 1 at first, one more with
     *                    each replay that completed
     * @param status      RUNNING, REPLAYING, STOPPED or ERROR, as this instance sees the served
     *                    version's processor (REPLAYING while a new version is being built)
     * @param position    the global position up to which the served version has handled the store
     * @param lag         how many events the store holds after that position
     * @param replaying   whether a new version is being built
     * @param progress    how much of the store the served version has handled, 0..1; while
     *                    replaying, how much the version being built has
     * @param estimatedTimeLeft while replaying, how long the build should take yet at its rate so
     *                          far (null before it has handled an event, and when not replaying)
     * @param deadLetters how many events the served version parked because they failed
     *                    deterministically (they, and later events of their sequences, wait in its
     *                    dead-letter queue)
     * @param segments    the segments of the served version's processor (and of the one being
     *                    built) and the instance that holds each
     */
    public record Status(String name, long version, String status, long position, long lag, boolean replaying,
                         double progress,
                         @Schema(nullable = true, type = "string", format = "duration", example = "PT42S")
                         Duration estimatedTimeLeft,
                         long deadLetters, List<Segment> segments) {
    }

    /**
     * @param version the version whose processor it is a segment of
     * @param owner   the instance of the query service processing it (Axon's token owner), null
     *                while no instance has claimed it
     */
    public record Segment(long version, int segment, @Schema(nullable = true) String owner) {
    }

    public List<Status> all() {
        long head = positionOfLastEvent();
        return progress.projections().stream().sorted().map(name -> statusOf(name, head)).toList();
    }

    /** How many events the served version of the projection has parked in its dead-letter queue. */
    public long deadLetters(String name) {
        String processor = versions.of(name).map(ServedVersion::servedProcessor).orElse(name);
        return processing.deadLetterQueue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Starts building a new version of the projection from the first event; see {@link ReplayCoordinator#replay}. */
    public void replay(String name) {
        coordinator.replay(name);
    }

    private Status statusOf(String name, long head) {
        ServedVersion served = versions.of(name)
                .orElse(new ServedVersion(name, TableSet.A, 1, ServedVersion.State.IDLE, null, null, null, null));
        StreamingEventProcessor processor = processing.eventProcessor(served.servedProcessor(),
                StreamingEventProcessor.class).orElseThrow(() -> new NotFoundException("there is no projection " + name));
        long position = lowest(progress.tokensOf(served.servedProcessor()));
        boolean replaying = served.state() == ServedVersion.State.BUILDING;
        List<Segment> segments = new ArrayList<>(segmentsOf(served.servedProcessor(), served.version()));
        double fraction = fraction(position, head);
        Duration left = null;
        if (replaying) {
            segments.addAll(segmentsOf(served.otherProcessor(), served.version() + 1));
            long built = lowest(progress.tokensOf(served.otherProcessor()));
            fraction = Math.min(fraction(built, head), 0.999);
            left = timeLeft(built, head, served.requestedAt());
        }
        String status = processor.isError() ? "ERROR" : !processor.isRunning() ? "STOPPED"
                : replaying ? "REPLAYING" : "RUNNING";
        return new Status(name, served.version(), status, position, eventsAfter(position), replaying, fraction, left,
                deadLetters(name), segments);
    }

    /** At the rate the build has handled events since it was asked for. */
    private Duration timeLeft(long built, long head, Instant since) {
        if (since == null || built <= 0) {
            return null;
        }
        long elapsedMillis = Math.max(1, Duration.between(since, clock.instant()).toMillis());
        return Duration.ofMillis(Math.max(0, head - built) * elapsedMillis / built);
    }

    private List<Segment> segmentsOf(String processor, long version) {
        return jdbc.query("select segment, owner from read_model.token_entry where processor_name = ? order by segment",
                (rs, row) -> new Segment(version, rs.getInt(1), rs.getString(2)), processor);
    }

    private static long lowest(List<TrackingToken> tokens) {
        return tokens.stream().mapToLong(ProjectionProgress::positionOf).min().orElse(0);
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
