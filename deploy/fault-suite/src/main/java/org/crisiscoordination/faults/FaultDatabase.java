package org.crisiscoordination.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The suite's own PostgreSQL: embedded, durable as {@code deploy/run}'s ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on), on one pinned port across restarts
 * so that the services find it again. It is the only server the suite stops or kills, and it
 * checks that before each kill: the pid comes from its own {@code postmaster.pid}, which must name
 * its own data directory and port; port 5432 is refused outright.
 */
final class FaultDatabase implements AutoCloseable {

    static final String NAME = "crisis";
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private final Path data;
    private final int port;
    private final Path log;
    private EmbeddedPostgres running;

    private FaultDatabase(Path data, int port, Path log) {
        this.data = data;
        this.port = port;
        this.log = log;
    }

    static FaultDatabase start(Path workDir, int port) throws IOException, SQLException {
        if (port == Options.SHARED_SERVER_PORT) {
            throw new IllegalArgumentException("the suite never starts, stops or kills a PostgreSQL on port "
                    + Options.SHARED_SERVER_PORT);
        }
        FaultDatabase database = new FaultDatabase(Files.createDirectories(workDir.resolve("postgres")), port,
                workDir.resolve("postgres.log"));
        database.startAgain();
        try (Connection connection = DriverManager.getConnection(database.serverUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + NAME);
        }
        return database;
    }

    String url() {
        return serverUrl(NAME);
    }

    int port() {
        return port;
    }

    Path dataDirectory() {
        return data;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** fsync, synchronous_commit and full_page_writes as the running server has them. */
    Map<String, String> durability() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = statement.executeQuery("show " + name)) {
                    value.next();
                    values.put(name, value.getString(1));
                }
            }
        }
        return values;
    }

    /**
     * A crash: SIGKILL to the postmaster and every process it started, at once, so that nothing
     * PostgreSQL held in memory reaches the disk afterwards. Waits until they are gone.
     *
     * @return the postmaster's pid and how many processes were killed in all
     */
    synchronized Killed kill() throws IOException {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        all.addAll(postmaster.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        // zonky's handle: its pg_ctl stop finds no server; closing it releases its lock on the data directory
        closeQuietly();
        return new Killed(postmaster.pid(), all.size());
    }

    record Killed(long pid, int processes) {
    }

    /** A clean stop (fast shutdown: sessions are ended, everything committed is on disk). */
    synchronized void stop() {
        closeQuietly();
    }

    /**
     * Starts the server again on the same port from the same data: after a crash PostgreSQL first
     * replays its write-ahead log. Retries while the killed server's last processes let go.
     */
    synchronized Duration startAgain() throws IOException {
        Instant began = Instant.now();
        Instant deadline = began.plus(STARTUP);
        while (true) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                DURABLE.forEach(builder::setServerConfig);
                running = builder
                        .setPort(port)
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(STARTUP)
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                return Duration.between(began, Instant.now());
            } catch (IOException | IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("PostgreSQL did not start again on port " + port + " within " + STARTUP
                            + "; see " + log, e);
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** The running postmaster, by the pid in its own postmaster.pid, checked to be this server. */
    private ProcessHandle postmaster() throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
        long pid = Long.parseLong(lines.get(0).trim());
        Path dataDir = Path.of(lines.get(1).trim());
        int pidPort = Integer.parseInt(lines.get(3).trim());
        if (!Files.isSameFile(dataDir, data) || pidPort != port || pidPort == Options.SHARED_SERVER_PORT) {
            throw new IllegalStateException("postmaster.pid names " + dataDir + " on port " + pidPort
                    + ", not the suite's own server in " + data + " on port " + port + ": not killing it");
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException("the postmaster (pid " + pid + ") is not running"));
    }

    private String serverUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void closeQuietly() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                // the server is gone either way
            }
            running = null;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
