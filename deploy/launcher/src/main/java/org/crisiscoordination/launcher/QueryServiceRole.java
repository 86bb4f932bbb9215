package org.crisiscoordination.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The query service's own login on the embedded PostgreSQL, least privileged: it reads the event
 * store (as a member of {@value #READERS}, to which the command service's migration V103 grants
 * SELECT and nothing more) and owns only its schemas, the two table sets of its read models
 * ({@code read_model} and {@code read_model_b}, between which a replay switches), where it runs its own
 * migrations. The command service keeps the embedded server's owner login. An external PostgreSQL
 * is left alone: there a DBA makes the roles (deploy/postgres/roles.sql).
 */
final class QueryServiceRole {

    static final String ROLE = "crisis_query";
    static final String READERS = "crisis_event_reader";
    static final List<String> SCHEMAS = List.of("read_model", "read_model_b");

    private QueryServiceRole() {
    }

    /** For the query service on the embedded server: its login, made ready now; for anything else nothing. */
    static Map<String, String> loginFor(String service, Database database) throws SQLException {
        if (!"query-service".equals(service) || !database.embedded()) {
            return Map.of();
        }
        prepare(database.url(), database.user(), database.password());
        return Map.of("CRISIS_DATABASE_URL", withoutUser(database.url()),
                "CRISIS_DATABASE_USER", ROLE, "CRISIS_DATABASE_PASSWORD", "");
    }

    /** The embedded server's URL names its owner ({@code ?user=postgres}), which would win over any login given. */
    static String withoutUser(String url) {
        return url.replaceAll("(?<=[?&])(user|password)=[^&]*&?", "").replaceAll("[?&]$", "");
    }

    /**
     * Makes the roles if they are missing and gives the query service its schemas, handing over
     * the read-model tables an earlier run made as the owner login. Safe to run on every start.
     */
    static void prepare(String url, String adminUser, String adminPassword) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute(ifMissing("create role " + READERS + " nologin"));
            statement.execute(ifMissing("create role " + ROLE + " login"));
            statement.execute("grant " + READERS + " to " + ROLE);
            for (String schema : SCHEMAS) {
                statement.execute("create schema if not exists " + schema + " authorization " + ROLE);
                statement.execute("alter schema " + schema + " owner to " + ROLE);
                statement.execute("""
                        do $$
                        declare relation record;
                        begin
                            for relation in select c.relname, c.relkind from pg_class c
                                    where c.relnamespace = '%1$s'::regnamespace and c.relkind in ('r', 'p', 'v')
                                      and c.relowner <> '%2$s'::regrole loop
                                execute format('alter %%s %1$s.%%I owner to %2$s',
                                        case relation.relkind when 'v' then 'view' else 'table' end, relation.relname);
                            end loop;
                        end
                        $$""".formatted(schema, ROLE));
            }
        }
    }

    /** Roles belong to the whole server, which other databases' set-ups may share. */
    private static String ifMissing(String createRole) {
        return "do $$ begin " + createRole + "; exception when duplicate_object or unique_violation then null; end $$";
    }
}
