package org.crisiscoordination.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An event store as the command service left it before any event carried a revision, for the
 * tests that read old events with today's code. Its rows were dumped from the running command
 * service of that time (commit 52e63de) after these requests: raise a crisis of PH and CN at
 * severity 3, escalate it to 4, convene CN, US and ASEAN about it with {@code acknowledgeWithin}
 * PT1S, CN acknowledges; then both remaining deadlines fired (position 7 was a rolled-back append,
 * a gap) and a checkpoint was signed over the 7 events. Payloads and metadata are the stored bytes,
 * hashes, leaves, the checkpoint and its public key as they were: nothing is recomputed here.
 */
public final class StoreBeforeRevisions {

    public static final String CRISIS_ID = "5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e01";
    public static final String CHANNEL_ID = "5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e02";
    /** The channel's deadline, as its first-form event stored it ({@code acknowledgeBy}). */
    public static final Instant ACKNOWLEDGE_BY = Instant.parse("2026-12-03T16:23:15.333452057Z");
    public static final int EVENTS = 7;
    public static final long LAST_POSITION = 8;

    private static final String RESOURCE = "evolution/store-before-revisions.json";
    private static final HexFormat HEX = HexFormat.of();

    private StoreBeforeRevisions() {
    }

    /** The dumped rows: {@code events}, {@code leaves}, {@code keys} and {@code checkpoints}. */
    public static JsonNode rows() {
        try (InputStream in = StoreBeforeRevisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inserts the rows, in one transaction, into an empty event store that today's migrations made,
     * at their stored positions and leaf indexes, and moves the position sequence past them.
     */
    public static void loadInto(TestDatabase.Database database) {
        JsonNode rows = rows();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            connection.setAutoCommit(false);
            for (JsonNode event : rows.get("events")) {
                insert(connection, """
                        insert into event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        event.get("global_index").asLong(), event.get("event_identifier").asText(),
                        event.get("aggregate_identifier").asText(), event.get("sequence_number").asLong(),
                        event.get("type").asText(), event.get("time_stamp").asText(),
                        event.get("payload_type").asText(), text(event.get("payload_revision")),
                        utf8(event.get("payload")), utf8(event.get("meta_data")));
            }
            for (JsonNode leaf : rows.get("leaves")) {
                insert(connection, "insert into event_store.merkle_leaf (leaf_index, global_index, event_hash) values (?, ?, ?)",
                        leaf.get("leaf_index").asLong(), leaf.get("global_index").asLong(),
                        HEX.parseHex(leaf.get("event_hash").asText()));
            }
            for (JsonNode key : rows.get("keys")) {
                insert(connection, "insert into event_store.checkpoint_key (key_id, name, public_key, created_at)"
                                + " values (?, ?, ?, ?::timestamptz)", key.get("key_id").asText(), key.get("name").asText(),
                        HEX.parseHex(key.get("public_key").asText()), key.get("created_at").asText());
            }
            for (JsonNode checkpoint : rows.get("checkpoints")) {
                JsonNode previous = checkpoint.get("previous_hash");
                insert(connection, """
                        insert into event_store.checkpoint (tree_size, last_position, root_hash, signed_at, key_id,
                            previous_hash, note) values (?, ?, ?, ?::timestamptz, ?, ?, ?)""",
                        checkpoint.get("tree_size").asLong(), checkpoint.get("last_position").asLong(),
                        HEX.parseHex(checkpoint.get("root_hash").asText()), checkpoint.get("signed_at").asText(),
                        checkpoint.get("key_id").asText(), previous.isNull() ? null : HEX.parseHex(previous.asText()),
                        checkpoint.get("note").asText());
            }
            insert(connection, "select setval('event_store.domain_event_position', ?)", LAST_POSITION);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the store fixture into " + database.name(), e);
        }
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] utf8(JsonNode text) {
        return text.asText().getBytes(StandardCharsets.UTF_8);
    }
}
