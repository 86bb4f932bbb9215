package org.crisiscoordination.cluster;

import org.crisiscoordination.testsupport.ReadModels;
import org.crisiscoordination.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the cluster's database holds, read with SQL: the events counted, the segments' holders. */
final class Store {

    /** One segment of the processor a projection's reads are served from, and who holds it ("pid@host"), null if nobody does. */
    record Segment(String projection, int segment, String owner) {

        /** The pid in Axon's default owner name, or -1. */
        long ownerPid() {
            if (owner == null || !owner.contains("@")) {
                return -1;
            }
            try {
                return Long.parseLong(owner.substring(0, owner.indexOf('@')));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final TestDatabase.Database database;

    Store(TestDatabase.Database database) {
        this.database = database;
    }

    /** How many events each correlation id starting with the prefix appended. */
    Map<String, Integer> eventsByCorrelationId(String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        query("""
                select correlation_id, count(*) from (
                    select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' as correlation_id
                    from event_store.domain_event_entry) events
                where starts_with(correlation_id, ?) group by correlation_id""", rows -> {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }, prefix);
        return counts;
    }

    /** How many events of the type each aggregate holds, keyed "aggregate participant" by the payload's participant. */
    Map<String, Integer> overdueByChannelAndParticipant() {
        Map<String, Integer> counts = new HashMap<>();
        query("""
                select aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'participant', count(*)
                from event_store.domain_event_entry where payload_type like '%.ChannelAcknowledgementOverdue'
                group by 1, 2""", rows -> {
            while (rows.next()) {
                counts.put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
            }
        });
        return counts;
    }

    List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        // the processors reads are served from; the other table set's processors idle between replays
        query("""
                select t.processor_name, t.segment, t.owner from read_model.token_entry t
                join read_model.served_read_model s on t.processor_name
                     = case s.served_set when 'A' then s.projection else s.projection || '@b' end
                order by 1, 2""", rows -> {
            while (rows.next()) {
                segments.add(new Segment(rows.getString(1), rows.getInt(2), rows.getString(3)));
            }
        });
        return segments;
    }

    long head() {
        long[] head = {0};
        query("select coalesce(max(global_index), 0) from event_store.domain_event_entry", rows -> {
            rows.next();
            head[0] = rows.getLong(1);
        });
        return head[0];
    }

    ReadModels readModels() {
        try (Connection connection = database.connect()) {
            return ReadModels.snapshot(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Rows rows, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                rows.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
