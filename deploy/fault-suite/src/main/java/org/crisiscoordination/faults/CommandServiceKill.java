package org.crisiscoordination.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * kill -9 of the command service while writers are busy: the launcher restarts it; every command
 * answered 2xx is stored exactly once, and every other one lands exactly once when resent with its
 * Idempotency-Key.
 */
final class CommandServiceKill implements Scenario {

    @Override
    public String name() {
        return "kill -9 of the command service mid-load";
    }

    @Override
    public void run(Suite suite, ScenarioResult result) throws Exception {
        Ledger ledger = suite.ledger("command-kill");
        Say.line("  " + suite.options.clients() + " writers; the kill comes after " + suite.options.before()
                + " acknowledged commands");
        try (Load load = suite.load(ledger)) {
            Suite.require(ledger.awaitAcknowledged(suite.options.before(), Suite.PATIENCE),
                    "the writers never got " + suite.options.before() + " commands acknowledged");
            long acknowledged = ledger.acknowledged();
            Instant killedAt = Instant.now();
            long pid = suite.system.kill(RunningSystem.COMMAND_SERVICE);
            Say.line("  kill -9 command-service (pid " + pid + ") with " + acknowledged + " commands acknowledged");
            long restarted = suite.system.awaitRestarted(RunningSystem.COMMAND_SERVICE, pid);
            Duration down = Duration.between(killedAt, Instant.now());
            Say.line("  the launcher restarted it as pid " + restarted + ", healthy " + Say.seconds(down)
                    + " after the kill");
            result.check("the launcher restarts the killed command service", restarted != pid,
                    "pid " + pid + " killed, pid " + restarted + " healthy after " + Say.seconds(down));
            Suite.require(ledger.awaitAcknowledged(ledger.acknowledged() + suite.options.after(), Suite.PATIENCE),
                    "the writers never got commands acknowledged again after the restart");
        }
        long cut = ledger.commands().stream().map(Command::first)
                .filter(a -> a != null && "connection lost".equals(a.failure())).count();
        long refused = ledger.commands().stream().map(Command::first)
                .filter(a -> a != null && "refused".equals(a.failure())).count();
        Say.line("  first tries cut off by the kill: " + cut + "; refused while it was down: " + refused);
        result.tally(suite.settle(ledger));
    }
}
