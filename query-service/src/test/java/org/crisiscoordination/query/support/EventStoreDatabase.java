package org.crisiscoordination.query.support;

import org.crisiscoordination.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

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
}
