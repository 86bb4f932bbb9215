package org.crisiscoordination.query.support;

import org.crisiscoordination.testsupport.TestDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own holding the event store's tables, for a test context that must not share
 * its store or its processors' tokens with the others (see {@link QueryServiceIT} for the shared one).
 */
public final class EventStoreDatabase {

    private EventStoreDatabase() {
    }

    public static TestDatabase.Database fresh() {
        TestDatabase.Database database = TestDatabase.fresh();
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .schemas("event_store")
                .defaultSchema("event_store")
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        return database;
    }

    /** Points a test context at {@code database}, trusting the tests' tokens as every service test must. */
    public static void serve(TestDatabase.Database database, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> database.password() == null ? "" : database.password());
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }
}
