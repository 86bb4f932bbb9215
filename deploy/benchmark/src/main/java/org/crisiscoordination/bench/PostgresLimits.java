package org.crisiscoordination.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What PostgreSQL itself does on this machine with the store's shape, without the services: the
 * ceilings the system's figures are divided by.
 */
final class PostgresLimits {

    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data";

    /** The average payload and metadata sizes in the store, in bytes. */
    record EventShape(int payloadBytes, int metadataBytes) {
    }

    private final BenchDatabase database;

    PostgresLimits(BenchDatabase database) {
        this.database = database;
    }

    EventShape shapeOfStoredEvents() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select coalesce(avg(length(payload)), 300), "
                     + "coalesce(avg(length(meta_data)), 700) from event_store.domain_event_entry")) {
            row.next();
            return new EventShape((int) Math.round(row.getDouble(1)), (int) Math.round(row.getDouble(2)));
        }
    }

    /** The store's head position and how many events it holds. */
    long[] headAndCount() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select coalesce(max(global_index), 0), count(*) from event_store.domain_event_entry")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    /**
     * limit-append: event-shaped rows into a scratch copy of the event table (its columns, keys
     * and defaults: the transaction id drawn before the position), one transaction per row, from
     * {@code concurrency} connections: rows/s. Its positions come from a scratch sequence, so the
     * store's own stay untouched.
     */
    double append(int concurrency, Duration duration, EventShape shape) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench_scratch");
            statement.execute("drop table if exists bench_scratch.domain_event_entry");
            statement.execute("create table bench_scratch.domain_event_entry "
                    + "(like event_store.domain_event_entry including all)");
            statement.execute("drop sequence if exists bench_scratch.domain_event_position");
            statement.execute("create sequence bench_scratch.domain_event_position cache 1");
            statement.execute("alter table bench_scratch.domain_event_entry alter column global_index set default"
                    + " case when pg_current_xact_id() is not null then nextval('bench_scratch.domain_event_position') end");
        }
        byte[] payload = filler(shape.payloadBytes());
        byte[] metadata = filler(shape.metadataBytes());
        AtomicLong rows = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread writer = new Thread(() -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement("insert into bench_scratch.domain_event_entry ("
                             + COLUMNS + ") values (?, ?, 0, 'Crisis', ?, "
                             + "'org.crisiscoordination.kernel.crisis.RegionalCrisisRaised', null, ?, ?)")) {
                    connection.setAutoCommit(true); // one transaction per row, as a command's append
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, Instant.now().toString());
                        insert.setBytes(4, payload);
                        insert.setBytes(5, metadata);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "limit-append-" + i);
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema bench_scratch cascade");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return rows.get() / seconds;
    }

    /**
     * limit-scan: the whole event table in global order, by keyset, 1,000 rows a batch, every
     * column read: rows/s and how many rows.
     */
    double[] scan() throws SQLException {
        long rows = 0;
        long after = -1;
        long start = System.nanoTime();
        try (Connection connection = database.connect();
             PreparedStatement batch = connection.prepareStatement("select global_index, " + COLUMNS
                     + " from event_store.domain_event_entry where global_index > ? order by global_index limit 1000")) {
            while (true) {
                batch.setLong(1, after);
                int inBatch = 0;
                try (ResultSet row = batch.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        for (int column = 2; column <= 10; column++) {
                            row.getObject(column);
                        }
                        inBatch++;
                    }
                }
                rows += inBatch;
                if (inBatch < 1000) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {rows / seconds, rows};
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[Math.max(1, size)];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
