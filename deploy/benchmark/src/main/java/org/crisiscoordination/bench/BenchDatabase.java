package org.crisiscoordination.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL the run measures: the server {@code CRISIS_DATABASE_URL} names, or an embedded
 * one started durable (unlike the launcher's, which turns synchronous commit off). Either way the
 * run gets a database of its own, so that the store holds only what the run appended, and drops it
 * at the end.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String name;
    private final String user;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, String serverUrl, String name, String user, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase create(Map<String, String> env, Path workDir) throws IOException, SQLException {
        String url = env.get("CRISIS_DATABASE_URL");
        String user = env.getOrDefault("CRISIS_DATABASE_USER", "postgres");
        String password = env.getOrDefault("CRISIS_DATABASE_PASSWORD", "");
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            Path data = Files.createDirectories(workDir.resolve("postgres"));
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    // durable, as a production server: every commit waits for its WAL flush
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                    .start();
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        String name = "crisis_bench_" + System.currentTimeMillis();
        BenchDatabase database = new BenchDatabase(embedded, url, name, user, password);
        try (Connection connection = database.connectToServer(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return database;
    }

    /** The run's own database, on the same server as the URL it was given. */
    String url() {
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    /** The server's version and the settings that decide what a commit costs. */
    Map<String, String> describe() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kind", embedded == null ? "external" : "embedded (durable)");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"server_version", "fsync", "synchronous_commit", "max_connections",
                    "shared_buffers"}) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    settings.put(setting, row.getString(1));
                }
            }
        }
        return settings;
    }

    @Override
    public void close() throws Exception {
        try (Connection connection = connectToServer(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
