package org.crisiscoordination.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * How many events the store holds for each correlation id that starts with a prefix: every event
 * stores the correlation id of the write that appended it, so this counts how often each of the
 * suite's commands landed, read from the store itself rather than from any answer.
 */
final class EventCount {

    private static final String BY_CORRELATION = """
            select correlation_id, count(*) from (
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' as correlation_id
                from event_store.domain_event_entry) events
            where correlation_id like ? group by correlation_id""";

    private EventCount() {
    }

    static Map<String, Integer> byCorrelationId(Connection connection, String prefix) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(BY_CORRELATION)) {
            query.setString(1, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** The highest global position in the store, 0 when it is empty. */
    static long head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select coalesce(max(global_index), 0) from event_store.domain_event_entry");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many events the store holds. */
    static long events(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from event_store.domain_event_entry");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
