package org.crisiscoordination.query.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Whether a topic was on the agreed agenda at a given position of the store, read from the store
 * itself. The board's agenda events and a crisis's events are in different sequences, which may be
 * handled by different segments of the board's processor, in any order relative to each other;
 * the board's own agenda table may therefore be behind or ahead of the raise being handled. The
 * store answers the same, whenever it is asked. The mechanism is one small aggregate, read by its
 * key.
 */
@Component
class AgendaAsOf {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    AgendaAsOf(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the topic was admitted by an event stored before {@code position}. */
    boolean admittedBefore(SecurityTopic topic, long position) {
        List<byte[]> admissions = jdbc.query("select payload from " + EventStoreSchema.EVENTS
                        + " where aggregate_identifier = ? and payload_type = ? and global_index < ?",
                (rs, row) -> rs.getBytes(1), MechanismId.ASIA_PACIFIC.value(), SecurityTopicAdmitted.class.getName(),
                position);
        for (byte[] payload : admissions) {
            try {
                JsonNode admitted = JSON.readTree(payload).get("topic");
                if (admitted != null && topic.name().equals(admitted.asText())) {
                    return true;
                }
            } catch (IOException unreadable) {
                // an admission that cannot be read admits nothing here, as it admits nothing to the agenda table
            }
        }
        return false;
    }
}
