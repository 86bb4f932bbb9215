package org.crisiscoordination.command.support;

import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the power track leaves in the database: events by their simple type, the transaction that
 * wrote a row (PostgreSQL's {@code xmin}: rows written by one transaction share it), and the
 * acknowledgement deadlines Axon's db-scheduler deadline manager keeps in
 * {@code event_store.scheduled_tasks} (each row's data names the channel's scope and the deadline,
 * {@code acknowledgement-of-<participant>}).
 */
public final class PowerTrackStore {

    public static final String OVERDUE = "ChannelAcknowledgementOverdue";

    private final JdbcTemplate jdbc;
    private final StoredEvents events;

    public PowerTrackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.events = new StoredEvents(jdbc);
    }

    public List<StoredEvent> events(String aggregateId) {
        return events.of(aggregateId);
    }

    /** The simple names of an aggregate's event types, oldest first. */
    public List<String> types(String aggregateId) {
        return events.of(aggregateId).stream().map(PowerTrackStore::simpleType).toList();
    }

    /** An aggregate's events of one simple type, oldest first. */
    public List<StoredEvent> ofType(String aggregateId, String type) {
        return events.of(aggregateId).stream().filter(e -> simpleType(e).equals(type)).toList();
    }

    /** The one event of a type an aggregate holds. */
    public StoredEvent single(String aggregateId, String type) {
        List<StoredEvent> found = ofType(aggregateId, type);
        assertThat(found).as("exactly one %s in %s: %s", type, aggregateId, types(aggregateId)).hasSize(1);
        return found.get(0);
    }

    /** The id of the transaction that wrote an event's row. */
    public String transactionOf(StoredEvent event) {
        return jdbc.queryForObject("select xmin::text from event_store.domain_event_entry where event_identifier = ?",
                String.class, event.eventIdentifier());
    }

    /** Events in the whole store, except those deadlines append on their own (which may fire at any time). */
    public long storeSize() {
        Long count = jdbc.queryForObject("select count(*) from event_store.domain_event_entry where payload_type <> ?",
                Long.class, "org.crisiscoordination.kernel.channel." + OVERDUE);
        return count == null ? 0 : count;
    }

    /** How many channels were ever convened for a crisis. */
    public long channelsOf(String crisisId) {
        Long count = jdbc.queryForObject("""
                        select count(*) from event_store.domain_event_entry
                        where payload_type = 'org.crisiscoordination.kernel.channel.MajorPowerChannelConvened'
                          and convert_from(payload, 'UTF8')::jsonb ->> 'crisisId' = ?""",
                Long.class, crisisId);
        return count == null ? 0 : count;
    }

    /** The acknowledgement deadlines scheduled for a channel. */
    public int deadlines(String channelId) {
        return count("""
                select count(*) from event_store.scheduled_tasks
                where position(convert_to(?, 'UTF8') in task_data) > 0""", scope(channelId));
    }

    /** The acknowledgement deadlines scheduled for one participant of a channel (0 or 1). */
    public int deadline(String channelId, String participant) {
        return count("""
                select count(*) from event_store.scheduled_tasks
                where position(convert_to(?, 'UTF8') in task_data) > 0
                  and position(convert_to(?, 'UTF8') in task_data) > 0""",
                scope(channelId), "acknowledgement-of-" + participant);
    }

    /** The transactions that wrote a channel's deadline rows. */
    public List<String> deadlineTransactions(String channelId) {
        return jdbc.queryForList("""
                select xmin::text from event_store.scheduled_tasks
                where position(convert_to(?, 'UTF8') in task_data) > 0""", String.class, scope(channelId));
    }

    /** When a channel's deadlines fall due, in epoch milliseconds. */
    public List<Long> deadlineTimes(String channelId) {
        return jdbc.queryForList("""
                select (extract(epoch from execution_time) * 1000)::bigint from event_store.scheduled_tasks
                where position(convert_to(?, 'UTF8') in task_data) > 0""", Long.class, scope(channelId));
    }

    public static String simpleType(StoredEvent event) {
        String type = event.payloadType();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String scope(String channelId) {
        return "\"type\":\"MajorPowerChannel\",\"identifier\":\"" + channelId + "\"";
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
