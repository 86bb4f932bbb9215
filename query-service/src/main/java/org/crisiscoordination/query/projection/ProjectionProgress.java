package org.crisiscoordination.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.crisiscoordination.query.readmodel.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How far the projections have come, read from their stored tokens (so it holds whichever
 * instance of this service processes which segment). A write's position is covered when every
 * segment of every projection has passed it and does not count it among its gaps (positions it
 * skipped). The processors read only up to the store's {@code AppendWatermark}, so a token never
 * passes a position that may still commit: a gap below its index is a rolled-back append, and a
 * covered write is covered with everything before it. A projection's progress is that of the
 * processor filling the table set it serves (see {@link TableSet}), looked up with its tokens in
 * one statement, so a read it lets through reads a set that includes the write.
 */
@Component
public class ProjectionProgress {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public ProjectionProgress(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** The names of the projections, which are the names of their set A processors. */
    public Set<String> projections() {
        return processing.eventProcessors().keySet().stream().filter(name -> !TableSet.isStandby(name))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether every projection has passed the position. */
    public boolean covers(long position) {
        return covers(position, projections());
    }

    /** Whether every one of the given projections has passed the position. */
    public boolean covers(long position, Collection<String> projections) {
        for (String projection : projections) {
            List<TrackingToken> tokens = servedTokensOf(projection);
            if (tokens.isEmpty() || tokens.stream().anyMatch(token -> !covers(token, position))) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.covers(GapAwareTrackingToken.newInstance(position, List.of()));
    }

    /** The stored tokens of the processor filling the set the projection serves now. */
    public List<TrackingToken> servedTokensOf(String projection) {
        return jdbc.query("""
                        select token, token_type from read_model.token_entry
                        where processor_name = (select case when exists (select 1 from read_model.served_read_model
                                                                          where projection = ? and served_set = 'B')
                                                            then ? else ? end)""",
                (rs, row) -> token(rs.getBytes(1), rs.getString(2)),
                projection, TableSet.B.processor(projection), TableSet.A.processor(projection));
    }

    /** The stored tokens of a processor, one per segment (null for a segment that has none yet). */
    public List<TrackingToken> tokensOf(String processor) {
        return jdbc.query("select token, token_type from read_model.token_entry where processor_name = ?",
                (rs, row) -> token(rs.getBytes(1), rs.getString(2)), processor);
    }

    /** The global position a token has handled up to (0 for none). */
    public static long positionOf(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return current == null ? 0 : current.position().orElse(0);
    }

    private TrackingToken token(byte[] token, String type) {
        return token == null || type == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
