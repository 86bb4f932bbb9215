package org.crisiscoordination.launcher;

import org.crisiscoordination.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query service's login on a real PostgreSQL, with the services' own migrations (read from the
 * sources): it reads every table of the event store, can change none of them, and migrates and
 * writes its own schema, also when an earlier run made that schema as the owner login.
 */
class QueryServiceRoleIT {

    private static final Path ROOT = Path.of("../..");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private TestDatabase.Database database;

    @BeforeEach
    void eventStoreMigratedByTheCommandServicesLogin() {
        database = TestDatabase.fresh();
        flyway(database.user(), database.password(), "event_store",
                "shared-kernel/service-edge/src/main/resources/db/event-store",
                "command-service/src/main/resources/db/migration").migrate();
    }

    @Test
    void readsEveryEventStoreTableAndItsPositionButChangesNone() throws SQLException {
        QueryServiceRole.prepare(database.url(), database.user(), database.password());
        List<String> tables = eventStoreTables();
        assertThat(tables).contains("domain_event_entry", "merkle_leaf", "checkpoint", "idempotency_key");

        try (Connection query = asQueryService(); Statement statement = query.createStatement()) {
            for (String table : tables) {
                assertThatCode(() -> statement.executeQuery("select count(*) from event_store." + table).close())
                        .as("select from %s", table).doesNotThrowAnyException();
                assertRefused(statement, "insert into event_store." + table + " default values");
                assertRefused(statement, "update event_store." + table + " set " + firstColumn(table) + " = "
                        + firstColumn(table));
                assertRefused(statement, "delete from event_store." + table);
                assertRefused(statement, "truncate event_store." + table);
            }
            assertThatCode(() -> statement.executeQuery("select last_value from event_store.domain_event_position").close())
                    .doesNotThrowAnyException();
            assertRefused(statement, "select nextval('event_store.domain_event_position')");
            assertRefused(statement, "create table event_store.intruder (id int)");
        }
    }

    @Test
    void theOwnerLoginCanChangeTheEventStoreSoTheRefusalsAboveAreTheRolesDoing() throws SQLException {
        try (Connection owner = database.connect(); Statement statement = owner.createStatement()) {
            assertThat(statement.executeUpdate("delete from event_store.checkpoint_key")).isZero();
        }
    }

    @Test
    void migratesAndWritesItsOwnSchema() throws SQLException {
        QueryServiceRole.prepare(database.url(), database.user(), database.password());

        for (String schema : QueryServiceRole.SCHEMAS) {
            assertThat(queryMigrations(QueryServiceRole.ROLE, schema).migrate().migrationsExecuted).isPositive();
            try (Connection query = asQueryService(); Statement statement = query.createStatement()) {
                statement.execute("set search_path to " + schema);
                statement.executeUpdate("insert into token_entry (processor_name, segment, owner) values ('probe', 0, 'test')");
                assertThat(statement.executeUpdate("delete from token_entry where processor_name = 'probe'")).isOne();
            }
        }
    }

    @Test
    void takesOverTheReadModelsAnEarlierRunMadeAsTheOwnerLogin() throws SQLException {
        QueryServiceRole.SCHEMAS.forEach(schema -> queryMigrations(database.user(), schema).migrate());

        QueryServiceRole.prepare(database.url(), database.user(), database.password());
        QueryServiceRole.prepare(database.url(), database.user(), database.password()); // every start runs it

        for (String schema : QueryServiceRole.SCHEMAS) {
            assertThat(queryMigrations(QueryServiceRole.ROLE, schema).migrate().migrationsExecuted).isZero();
            try (Connection query = asQueryService(); Statement statement = query.createStatement()) {
                statement.execute("truncate " + schema + ".token_entry");
                statement.execute("alter table " + schema + ".token_entry add column probe int");
            }
        }
    }

    private Flyway queryMigrations(String user, String schema) {
        String password = user.equals(database.user()) ? database.password() : "";
        return flyway(user, password, schema, "query-service/src/main/resources/db/migration");
    }

    private Flyway flyway(String user, String password, String schema, String... locations) {
        return Flyway.configure()
                .dataSource(database.url(), user, password)
                .schemas(schema)
                .defaultSchema(schema)
                .locations(java.util.Arrays.stream(locations)
                        .map(location -> "filesystem:" + ROOT.resolve(location).toAbsolutePath().normalize())
                        .toArray(String[]::new))
                .load();
    }

    private Connection asQueryService() throws SQLException {
        return DriverManager.getConnection(database.url(), QueryServiceRole.ROLE, "");
    }

    private List<String> eventStoreTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection owner = database.connect(); Statement statement = owner.createStatement();
             var rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'event_store'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private String firstColumn(String table) throws SQLException {
        try (Connection owner = database.connect(); Statement statement = owner.createStatement();
             var rows = statement.executeQuery("select column_name from information_schema.columns where table_schema"
                     + " = 'event_store' and table_name = '" + table + "' and is_identity = 'NO' and is_generated = 'NEVER'"
                     + " order by ordinal_position limit 1")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(sql).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}
