package org.crisiscoordination.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL both services use: an external one when {@code CRISIS_DATABASE_URL} names it,
 * else an embedded one whose data stays in {@code CRISIS_DATA_DIR/postgres} across restarts.
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

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static Database start(Settings settings) throws IOException, SQLException {
        if (!settings.embedded()) {
            return new Database(null, settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        }
        Path data = settings.dataDir().resolve("postgres");
        Files.createDirectories(data);
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            DURABLE.forEach(builder::setServerConfig);
            postgres = builder
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.dataDir().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.dataDir().resolve("postgres.log").toFile()))
                    .start();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + data
                    + " (is another deploy/run using it?): " + e.getMessage(), e);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + NAME);
                }
            }
        }
        return new Database(postgres, postgres.getJdbcUrl("postgres", NAME), "postgres", "");
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
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
