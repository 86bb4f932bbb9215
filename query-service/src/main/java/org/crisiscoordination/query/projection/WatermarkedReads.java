package org.crisiscoordination.query.projection;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.CreateHeadTokenStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithoutGapsStatementBuilder;
import org.crisiscoordination.edge.store.AppendWatermark;

import java.sql.PreparedStatement;
import java.util.Collections;

/**
 * Axon's reads of the store in position order, bounded by the {@link AppendWatermark}: its
 * processors never pass a position that an append still in flight may commit. Axon's own gap
 * tracking would catch most late commits too, but not all: it forgets gaps more than 10,000
 * positions behind or a minute old, and a head token skips whatever is in flight below the head.
 * Below the watermark a gap is an append that rolled back, and it never fills.
 */
public final class WatermarkedReads {

    private final AppendWatermark watermark;

    public WatermarkedReads(AppendWatermark watermark) {
        this.watermark = watermark;
    }

    /** The next batch after a token without gaps, up to the safe position. */
    public ReadEventDataWithoutGapsStatementBuilder withoutGaps() {
        return (connection, schema, globalIndex, batchSize) -> {
            long upTo = Math.min(globalIndex + batchSize, watermark.safePosition(connection));
            PreparedStatement statement = connection.prepareStatement(select(schema)
                    + " where " + schema.globalIndexColumn() + " > ? and " + schema.globalIndexColumn() + " <= ?"
                    + " order by " + schema.globalIndexColumn());
            statement.setLong(1, globalIndex);
            statement.setLong(2, upTo);
            return statement;
        };
    }

    /** The same, and the token's gaps (all below the safe position, since the token is). */
    public ReadEventDataWithGapsStatementBuilder withGaps() {
        return (connection, schema, globalIndex, batchSize, gaps) -> {
            long upTo = Math.min(globalIndex + batchSize, watermark.safePosition(connection));
            PreparedStatement statement = connection.prepareStatement(select(schema)
                    + " where (" + schema.globalIndexColumn() + " > ? and " + schema.globalIndexColumn() + " <= ?)"
                    + " or " + schema.globalIndexColumn() + " in (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")"
                    + " order by " + schema.globalIndexColumn());
            statement.setLong(1, globalIndex);
            statement.setLong(2, upTo);
            for (int i = 0; i < gaps.size(); i++) {
                statement.setLong(i + 3, gaps.get(i));
            }
            return statement;
        };
    }

    /** A token at the head: the last event stored, but never beyond the safe position. */
    public CreateHeadTokenStatementBuilder headToken() {
        return (connection, schema) -> {
            long safe = watermark.safePosition(connection);
            PreparedStatement statement = connection.prepareStatement("select case when max(" + schema.globalIndexColumn()
                    + ") is null then null else least(max(" + schema.globalIndexColumn() + "), ?) end from "
                    + schema.domainEventTable());
            statement.setLong(1, safe);
            return statement;
        };
    }

    private static String select(EventSchema schema) {
        return "select " + schema.trackedEventFields() + " from " + schema.domainEventTable();
    }
}
