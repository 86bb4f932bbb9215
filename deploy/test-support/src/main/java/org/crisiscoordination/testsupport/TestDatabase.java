package org.crisiscoordination.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The one way tests reach PostgreSQL. It picks a server, in this order:
 * <ol>
 *     <li>{@value #URL_VARIABLE}, the JDBC URL of a server the tests may create databases on
 *     (user and password in the URL, or in {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE});</li>
 *     <li>a PostgreSQL container, when a Docker engine answers;</li>
 *     <li>an embedded PostgreSQL in this JVM.</li>
 * </ol>
 * and on it creates databases of their own for the tests, which it drops when the JVM exits.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "CRISIS_TEST_DATABASE_URL";
    public static final String USER_VARIABLE = "CRISIS_TEST_DATABASE_USER";
    public static final String PASSWORD_VARIABLE = "CRISIS_TEST_DATABASE_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static Server server;
    private static Database shared;

    /** Where a test database is and how to log in. */
    public record Database(String name, String url, String user, String password) {

        public Connection connect() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(url, properties);
        }
    }

    /** A server, and how to reach a database on it by name. */
    private record Server(String description, String baseUrl, String user, String password, String adminDatabase) {

        String urlOf(String database) {
            int query = baseUrl.indexOf('?');
            String withoutQuery = query < 0 ? baseUrl : baseUrl.substring(0, query);
            String parameters = query < 0 ? "" : baseUrl.substring(query);
            return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + database + parameters;
        }
    }

    private TestDatabase() {
    }

    /** One database for the whole test JVM: created on first use. */
    public static synchronized Database shared() {
        if (shared == null) {
            shared = fresh();
        }
        return shared;
    }

    /** A new, empty database, for a test that must see no one else's data. */
    public static synchronized Database fresh() {
        Server on = server();
        String name = "crisis_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        Database admin = new Database(on.adminDatabase(), on.urlOf(on.adminDatabase()), on.user(), on.password());
        execute(admin, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name), "drop-" + name));
        log.info("Tests use database {} on {}", name, on.description());
        return new Database(name, on.urlOf(name), on.user(), on.password());
    }

    private static Server server() {
        if (server == null) {
            server = pickServer();
        }
        return server;
    }

    private static Server pickServer() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
            String database = url.replaceFirst("\\?.*$", "");
            return new Server(URL_VARIABLE + " (" + database + ")", url, user, System.getenv(PASSWORD_VARIABLE),
                    database.substring(database.lastIndexOf('/') + 1));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            return new Server("a PostgreSQL container", container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), container.getDatabaseName());
        }
        try {
            // it stops itself, and deletes its data, when the JVM exits
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new Server("an embedded PostgreSQL", embedded.getJdbcUrl("postgres", "postgres"), "postgres",
                    null, "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void drop(Database admin, String name) {
        try {
            execute(admin, "drop database if exists " + name + " with (force)");
        } catch (RuntimeException e) {
            log.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    private static void execute(Database database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + sql + " on " + database.url() + ": " + e.getMessage(), e);
        }
    }
}
