package org.crisiscoordination.testsupport;

import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every read model, as JSON text, table by table and sorted: two snapshots are equal
 * exactly when the read models hold the same rows. The processors' tokens, dead-letter queue and
 * served versions are bookkeeping, not read models, and Flyway's history is neither. Each
 * projection has two table sets (schemas {@code read_model} and {@code read_model_b}), one served
 * and the other empty once no replay is in progress: a table's rows are those of both.
 */
public record ReadModels(Map<String, List<String>> tables) {

    private static final List<String> NOT_READ_MODELS = List.of("token_entry", "dead_letter_entry",
            "served_read_model");
    private static final List<String> TABLE_SETS = List.of("read_model", "read_model_b");

    public static ReadModels snapshot(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            awaitNoReplay(statement);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'read_model'"
                            + " and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                if (NOT_READ_MODELS.contains(name) || name.startsWith("flyway")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                for (String schema : TABLE_SETS) {
                    try (ResultSet table = statement.executeQuery("select row_to_json(t)::text from " + schema + ".\""
                            + name + "\" t")) {
                        while (table.next()) {
                            rows.add(table.getString(1));
                        }
                    }
                }
                Collections.sort(rows);
                tables.put(name, rows);
            }
        }
        return new ReadModels(tables);
    }

    /** A set reads have just switched away from is emptied within a second or two. */
    private static void awaitNoReplay(Statement statement) {
        Awaitility.await("no replay in progress").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try (ResultSet busy = statement.executeQuery(
                            "select count(*) from read_model.served_read_model where state <> 'IDLE'")) {
                        busy.next();
                        return busy.getLong(1) == 0;
                    }
                });
    }

    public long rows() {
        return tables.values().stream().mapToLong(List::size).sum();
    }

    /**
     * Rows one snapshot holds and the other does not, both ways, with a few of them as examples
     * naming which side held them.
     */
    public Difference against(ReadModels other, String thisSide, String otherSide) {
        long differing = 0;
        List<String> examples = new ArrayList<>();
        for (String table : union(other)) {
            List<String> mine = tables.getOrDefault(table, List.of());
            List<String> theirs = other.tables.getOrDefault(table, List.of());
            List<String> onlyMine = minus(mine, theirs);
            List<String> onlyTheirs = minus(theirs, mine);
            differing += onlyMine.size() + onlyTheirs.size();
            onlyMine.stream().limit(2).forEach(row -> examples.add(table + " " + thisSide + " only: " + row));
            onlyTheirs.stream().limit(2).forEach(row -> examples.add(table + " " + otherSide + " only: " + row));
        }
        return new Difference(differing, examples.stream().limit(6).toList());
    }

    public record Difference(long rows, List<String> examples) {
    }

    private List<String> union(ReadModels other) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        tables.keySet().forEach(name -> names.put(name, true));
        other.tables.keySet().forEach(name -> names.put(name, true));
        return List.copyOf(names.keySet());
    }

    /** The rows of {@code a} not matched one for one in {@code b} (both sorted). */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>();
        int j = 0;
        for (String row : a) {
            while (j < b.size() && b.get(j).compareTo(row) < 0) {
                j++;
            }
            if (j < b.size() && b.get(j).equals(row)) {
                j++;
            } else {
                rest.add(row);
            }
        }
        return rest;
    }
}
