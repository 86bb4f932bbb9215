package org.crisiscoordination.command.support;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command service running on a random port against a real PostgreSQL (see
 * {@link TestDatabase}), trusting the tests' tokens ({@link TestTokens}); subclasses talk to it over
 * HTTP through {@link #api}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crisis.query-service-url=http://query.test:8081")
public abstract class CommandServiceIT {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Database database = TestDatabase.shared();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> database.password() == null ? "" : database.password());
    }

    /** Apart from the database's, so that a test with a database of its own still trusts the tokens. */
    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @org.junit.jupiter.api.BeforeEach
    void connectApi() {
        api = new Api("http://localhost:" + port);
    }

    /** How many events the store holds for one aggregate. */
    protected long eventCount(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    /** How many events the store holds in all. */
    protected long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
