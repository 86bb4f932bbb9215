package org.crisiscoordination.query.support;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service running on a random port against a real PostgreSQL that holds the event
 * store's tables, as the command service would have made them, trusting the tests' tokens. Tests append events with
 * {@link #events} (the one {@link EventAppender}) and read over HTTP with {@link #api}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QueryServiceIT {

    private static final TestDatabase.Database DATABASE = withEventStore(TestDatabase.shared());

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected EventAppender events;
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", () -> DATABASE.password() == null ? "" : DATABASE.password());
    }

    /** Apart from the database's, so that a test with a database of its own still trusts the tokens. */
    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
        events = new EventAppender(jdbc);
    }

    /** The event store's tables, from the same migrations the command service applies. */
    private static TestDatabase.Database withEventStore(TestDatabase.Database database) {
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .schemas("event_store")
                .defaultSchema("event_store")
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        return database;
    }
}
