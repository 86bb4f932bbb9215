package org.crisiscoordination.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * PostgreSQL stopped for a while under load, then started again: meanwhile writes and reads are
 * answered 503 problem+json with Retry-After, readiness says DOWN and liveness UP; afterwards the
 * services recover by themselves (no restart) and the projections catch up to the head.
 */
final class PostgresOutage implements Scenario {

    @Override
    public String name() {
        return "PostgreSQL stopped under load";
    }

    @Override
    public void run(Suite suite, ScenarioResult result) throws Exception {
        Ledger ledger = suite.ledger("postgres-outage");
        long commandPid = suite.system.service(RunningSystem.COMMAND_SERVICE).orElseThrow().pid();
        long queryPid = suite.system.service(RunningSystem.QUERY_SERVICE).orElseThrow().pid();
        Duration outage = suite.options.outage();
        Instant stopped;
        Instant back;
        Map<String, Integer> health;
        List<Attempt> reads;
        try (Load load = suite.load(ledger)) {
            Suite.require(ledger.awaitAcknowledged(suite.options.before(), Suite.PATIENCE),
                    "the writers never got " + suite.options.before() + " commands acknowledged");
            suite.database.stop();
            stopped = Instant.now();
            Say.line("  stopped PostgreSQL (fast shutdown) for " + Say.seconds(outage) + ", with "
                    + ledger.acknowledged() + " commands acknowledged");
            FaultDatabase.pause(outage.dividedBy(2));
            health = probeHealth(suite.system);
            Say.line("  health while it is away: " + health);
            FaultDatabase.pause(Duration.between(Instant.now(), stopped.plus(outage)).isNegative() ? Duration.ZERO
                    : Duration.between(Instant.now(), stopped.plus(outage)));
            back = Instant.now();
            Duration start = suite.database.startAgain();
            Say.line("  PostgreSQL started again (" + Say.seconds(start) + ")");
            Suite.require(ledger.awaitAcknowledged(ledger.acknowledged() + suite.options.after(), Suite.PATIENCE),
                    "the writers never got commands acknowledged again after PostgreSQL came back");
            reads = load.reads();
        }
        // sent and answered while it was away: one sent just before it came back may well get its connection after
        List<Attempt> writesDuring = ledger.commands().stream().map(Command::first)
                .filter(a -> a != null && within(a, stopped, back)).toList();
        List<Attempt> readsDuring = reads.stream().filter(a -> within(a, stopped, back)).toList();
        Say.line("  writes sent and answered while it was away: " + outcomes(writesDuring) + "; slowest 503 " + slowest503(writesDuring));
        Say.line("  reads sent and answered while it was away: " + outcomes(readsDuring) + "; slowest 503 " + slowest503(readsDuring));
        result.check("writes meanwhile are answered 503 problem+json with Retry-After, nothing else",
                !writesDuring.isEmpty() && writesDuring.stream().allMatch(Attempt::wellFormedUnavailable),
                outcomes(writesDuring));
        result.check("reads of the board meanwhile are answered 503 problem+json with Retry-After, nothing else",
                !readsDuring.isEmpty() && readsDuring.stream().allMatch(Attempt::wellFormedUnavailable),
                outcomes(readsDuring));
        result.check("meanwhile readiness is DOWN (503) and liveness UP (200), on both services",
                health.entrySet().stream().allMatch(e -> e.getValue() == (e.getKey().endsWith("readiness") ? 503 : 200)),
                health.toString());

        Instant recovered = ledger.commands().stream().flatMap(c -> c.attempts().stream())
                .filter(a -> a.acknowledged() && a.sent().isAfter(back)).map(a -> a.sent().plus(a.took()))
                .min(Instant::compareTo).orElse(null);
        boolean sameProcesses = suite.system.service(RunningSystem.COMMAND_SERVICE).map(ProcessHandle::pid)
                .orElse(-1L) == commandPid
                && suite.system.service(RunningSystem.QUERY_SERVICE).map(ProcessHandle::pid).orElse(-1L) == queryPid;
        result.check("writes succeed again by themselves, with no service restarted",
                recovered != null && sameProcesses,
                (recovered == null ? "no write acknowledged" : "first write acknowledged "
                        + Say.seconds(Duration.between(back, recovered)) + " after PostgreSQL was started again")
                        + (sameProcesses ? "; same pids" : "; a service was restarted"));
        result.tally(suite.settle(ledger));

        Instant since = Instant.now();
        List<Projections.Status> caughtUp = suite.projections.awaitCaughtUp(Suite.PATIENCE);
        long head = suite.head();
        result.check("every projection catches up: lag back to 0", caughtUp != null
                        && caughtUp.stream().allMatch(s -> s.position() == head && s.deadLetters() == 0),
                caughtUp == null ? "not within " + Suite.PATIENCE + ": " + suite.projections.all()
                        : "all at position " + head + " (the head), lag 0, no dead letters, "
                        + Say.seconds(Duration.between(since, Instant.now())) + " after the load stopped");
    }

    private static boolean within(Attempt attempt, Instant from, Instant to) {
        return !attempt.sent().isBefore(from) && attempt.sent().plus(attempt.took()).isBefore(to);
    }

    private static Map<String, Integer> probeHealth(RunningSystem system) {
        Map<String, Integer> health = new TreeMap<>();
        for (String service : List.of(RunningSystem.COMMAND_SERVICE, RunningSystem.QUERY_SERVICE)) {
            String url = RunningSystem.COMMAND_SERVICE.equals(service) ? system.commandUrl() : system.queryUrl();
            health.put(service + " liveness", system.status(url + "/actuator/health/liveness"));
            health.put(service + " readiness", system.status(url + "/actuator/health/readiness"));
        }
        return health;
    }

    /** How many answers of each kind: "503 problem+json with Retry-After" apart from other 503s. */
    static String outcomes(List<Attempt> attempts) {
        Map<String, Long> counts = attempts.stream().collect(Collectors.groupingBy(
                a -> a.wellFormedUnavailable() ? "503 problem+json, Retry-After " + a.retryAfter() : a.outcome(),
                TreeMap::new, Collectors.counting()));
        return attempts.size() + " " + counts;
    }

    private static String slowest503(List<Attempt> attempts) {
        return attempts.stream().filter(a -> a.status() == 503).map(Attempt::took).max(Duration::compareTo)
                .map(Say::seconds).orElse("none");
    }
}
