package org.crisiscoordination.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * How far the projections have come, read from their stored tokens (so it holds whichever
 * instance of this service processes which segment). A write's position is covered when every
 * segment of every projection has passed it and does not count it among its gaps (positions it
 * skipped). The processors read only up to the store's {@code AppendWatermark}, so a token never
 * passes a position that may still commit: a gap below its index is a rolled-back append, and a
 * covered write is covered with everything before it.
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

    /** The names of the projections, which are the names of their processors. */
    public Set<String> projections() {
        return Collections.unmodifiableSet(processing.eventProcessors().keySet());
    }

    /** Whether every projection has passed the position. */
    public boolean covers(long position) {
        return covers(position, projections());
    }

    /** Whether every one of the given projections has passed the position. */
    public boolean covers(long position, Collection<String> projections) {
        for (String projection : projections) {
            List<TrackingToken> tokens = tokensOf(projection);
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

    /** The stored tokens of a projection, one per segment (null for a segment that has none yet). */
    public List<TrackingToken> tokensOf(String projection) {
        return jdbc.query("select token, token_type from read_model.token_entry where processor_name = ?",
                (rs, row) -> {
                    byte[] token = rs.getBytes(1);
                    String type = rs.getString(2);
                    return token == null || type == null ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                }, projection);
    }
}
