package org.crisiscoordination.faults;

import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite counts a command's events in the event store itself, by the correlation id each event
 * stores: on a store of the real layout, a command stored twice counts 2, one never stored is
 * absent, and another prefix's (or a prefix's look-alike under LIKE) is not counted.
 */
class EventCountIT {

    private static TestDatabase.Database database;

    @BeforeAll
    static void eventStore() throws Exception {
        database = TestDatabase.fresh();
        Path ddl = Path.of(System.getProperty("crisis.root"),
                "shared-kernel/service-edge/src/main/resources/db/event-store/V1__event_store.sql");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema event_store");
            statement.execute("set search_path to event_store");
            statement.execute(Files.readString(ddl));
            append(connection, "faults-run_a-1", 0);
            append(connection, "faults-run_a-2", 0);
            append(connection, "faults-run_a-2", 1);
            append(connection, "faults-runXa-3", 0);
            append(connection, "someone-else", 0);
        }
    }

    @Test
    void countsEachCorrelationIdOfThePrefixAsOftenAsItIsStored() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(EventCount.byCorrelationId(connection, "faults-run_a-"))
                    .isEqualTo(Map.of("faults-run_a-1", 1, "faults-run_a-2", 2));
            assertThat(EventCount.events(connection)).isEqualTo(5);
            assertThat(EventCount.head(connection)).isEqualTo(5);
        }
    }

    private static void append(Connection connection, String correlationId, long sequence) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload, meta_data)
                values (?, ?, ?, 'Crisis', '2026-01-01T00:00:00.000Z', 'MinilateralInvolvementRecorded', ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "crisis-" + correlationId);
            insert.setLong(3, sequence);
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, ("{\"actor\":\"x\",\"correlationId\":\"" + correlationId + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
