package org.crisiscoordination.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL both services use: an external one when {@code CRISIS_DATABASE_URL} names it,
 * else an embedded one whose data stays in {@code CRISIS_DATA_DIR/postgres} across restarts (its binaries,
 * unpacked on the first start, in {@code CRISIS_DATA_DIR/postgres-binaries}).
 */
final class Database implements AutoCloseable {

    static final String NAME = "crisis";

    /**
     * zonky's defaults are made for tests ({@code fsync} and {@code synchronous_commit} off): a
     * crash would lose acknowledged writes, and an OS crash could corrupt the cluster. A user's
     * data gets PostgreSQL's own, durable defaults back; these come after zonky's {@code -F}
     * on the server's command line, so they win.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private volatile EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;
    private final Path data;
    private final Path log;

    private Database(EmbeddedPostgres embedded, String url, String user, String password, Path data, Path log) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        this.data = data;
        this.log = log;
    }

    static Database start(Settings settings) throws IOException, SQLException {
        if (!settings.embedded()) {
            return new Database(null, settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
                    null, null);
        }
        Path data = settings.dataDir().resolve("postgres");
        Files.createDirectories(data);
        Path log = settings.dataDir().resolve("postgres.log");
        EmbeddedPostgres postgres = startEmbedded(data, log, 0);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + NAME);
                }
            }
        }
        return new Database(postgres, postgres.getJdbcUrl("postgres", NAME), "postgres", "", data, log);
    }

    /** @param port 0 for a free one */
    private static EmbeddedPostgres startEmbedded(Path data, Path log, int port) throws IOException {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            DURABLE.forEach(builder::setServerConfig);
            if (port != 0) {
                builder.setPort(port);
            }
            return builder
                    // its binaries beside its data, not in /tmp, where a cleaner may delete files of a running server
                    .setOverrideWorkingDirectory(binaries(data).toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    // after a crash PostgreSQL replays its write-ahead log before it takes connections
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + data
                    + " (is another deploy/run using it?): " + e.getMessage(), e);
        }
    }

    /**
     * Where the binaries are unpacked. An unpacking cut short (killed on the first start) lacks
     * zonky's {@code .exists} marker and is removed first: zonky would otherwise fail on its files
     * on every later start.
     */
    static Path binaries(Path data) throws IOException {
        Path binaries = data.resolveSibling("postgres-binaries");
        if (Files.isDirectory(binaries)) {
            try (Stream<Path> unpacked = Files.list(binaries)) {
                for (Path partial : unpacked.filter(dir -> dir.getFileName().toString().startsWith("PG-"))
                        .filter(dir -> !Files.exists(dir.resolve(".exists"))).toList()) {
                    DirectoryTrees.delete(partial);
                }
            }
        }
        return binaries;
    }

    boolean embedded() {
        return embedded != null;
    }

    /** The embedded PostgreSQL's server process, by the pid in its postmaster.pid; empty once it is gone. */
    Optional<ProcessHandle> postmaster() {
        try {
            String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /**
     * Starts the embedded PostgreSQL again, from its data and on its port (so the services find it
     * again), after it died: it recovers from its write-ahead log first.
     */
    synchronized void restart() throws IOException {
        int port = embedded.getPort();
        embedded.close(); // nothing to stop any more; releases zonky's lock on the data directory
        embedded = startEmbedded(data, log, port);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String describe() {
        return embedded == null ? "external PostgreSQL " + url : "embedded PostgreSQL on port " + embedded.getPort();
    }

    @Override
    public synchronized void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
