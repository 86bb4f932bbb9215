package org.crisiscoordination.faults;

import java.time.Duration;
import java.util.Map;

/**
 * kill -9 of PostgreSQL (the postmaster and all its processes at once) while writers are busy,
 * then PostgreSQL started again from its data: nothing acknowledged is lost, this scenario's
 * commands or any earlier one's.
 */
final class PostgresKill implements Scenario {

    @Override
    public String name() {
        return "kill -9 of PostgreSQL mid-load";
    }

    @Override
    public void run(Suite suite, ScenarioResult result) throws Exception {
        Map<String, String> durability = suite.database.durability();
        result.check("the suite's PostgreSQL is durable, as deploy/run's",
                durability.values().stream().allMatch("on"::equals), durability.toString());
        Ledger ledger = suite.ledger("postgres-kill");
        try (Load load = suite.load(ledger)) {
            Suite.require(ledger.awaitAcknowledged(suite.options.before(), Suite.PATIENCE),
                    "the writers never got " + suite.options.before() + " commands acknowledged");
            long acknowledged = ledger.acknowledged();
            FaultDatabase.Killed killed = suite.database.kill();
            Say.line("  kill -9 PostgreSQL: postmaster pid " + killed.pid() + " and its " + (killed.processes() - 1)
                    + " processes, port " + suite.database.port() + ", with " + acknowledged
                    + " commands acknowledged");
            FaultDatabase.pause(Duration.ofSeconds(1));
            Duration recovery = suite.database.startAgain();
            Say.line("  PostgreSQL started again from its data (crash recovery) in " + Say.seconds(recovery));
            Suite.require(ledger.awaitAcknowledged(ledger.acknowledged() + suite.options.after(), Suite.PATIENCE),
                    "the writers never got commands acknowledged again after PostgreSQL came back");
        }
        result.tally(suite.settle(ledger));
        Tally earlier = suite.recountAll();
        result.check("nothing acknowledged before the crash is gone, of any scenario so far",
                earlier.lost() == 0 && earlier.duplicates() == 0 && earlier.stored() == earlier.sent(),
                earlier.toString());
    }
}
