package org.crisiscoordination.faults;

import org.crisiscoordination.testsupport.ReadModels;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What every scenario shares: the one running system, its PostgreSQL, and every command sent so far. */
final class Suite {

    /** How long a scenario waits for what should take seconds before it calls it a failure. */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    final Options options;
    final FaultDatabase database;
    final RunningSystem system;
    final Writes writes;
    final Projections projections;
    private final String run;
    private final String token;
    private final List<Ledger> ledgers = new ArrayList<>();

    /** @param token a bearer token of the run's key, to write, read the board, and read and replay projections */
    Suite(Options options, FaultDatabase database, RunningSystem system, String run, String token) {
        this.options = options;
        this.database = database;
        this.system = system;
        this.run = run;
        this.token = token;
        this.writes = new Writes(system.commandUrl(), token);
        this.projections = new Projections(system.queryUrl(), token);
    }

    /** A ledger for a scenario's commands, whose keys no other scenario's share. */
    Ledger ledger(String scenario) {
        Ledger ledger = new Ledger(prefix() + scenario + "-");
        ledgers.add(ledger);
        return ledger;
    }

    Load load(Ledger ledger) {
        return Load.start(writes, ledger, system.queryUrl(), token, options.clients());
    }

    /** Sends the unacknowledged commands again, then counts the ledger's commands in the store. */
    Tally settle(Ledger ledger) throws SQLException {
        int resent = Resend.unacknowledged(writes, ledger, options.clients());
        Say.line("  resent " + resent + " unacknowledged commands with their Idempotency-Key");
        return count(ledger.prefix(), ledger.commands());
    }

    /** Every command of every scenario so far, counted again. */
    Tally recountAll() throws SQLException {
        List<Command> all = new ArrayList<>();
        ledgers.forEach(ledger -> all.addAll(ledger.commands()));
        return count(prefix(), all);
    }

    long events() throws SQLException {
        try (Connection connection = database.connect()) {
            return EventCount.events(connection);
        }
    }

    long head() throws SQLException {
        try (Connection connection = database.connect()) {
            return EventCount.head(connection);
        }
    }

    ReadModels readModels() throws SQLException {
        try (Connection connection = database.connect()) {
            return ReadModels.snapshot(connection);
        }
    }

    private Tally count(String prefix, List<Command> commands) throws SQLException {
        try (Connection connection = database.connect()) {
            return Tally.of(commands, EventCount.byCorrelationId(connection, prefix));
        }
    }

    private String prefix() {
        return "faults-" + run + "-";
    }

    /** Fails the scenario with {@code what} unless {@code condition} holds. */
    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
