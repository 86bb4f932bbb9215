package org.crisiscoordination.faults;

import org.crisiscoordination.testsupport.ReadModels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * kill -9 of the query service while it replays every projection, writes going on: the launcher
 * restarts it, the projections finish, and the read models then hold exactly the rows a fresh
 * replay of the same store gives.
 */
final class QueryServiceKillMidReplay implements Scenario {

    private static final String WATCHED = "crisis-board";
    private static final int TRIES = 3;

    @Override
    public String name() {
        return "kill -9 of the query service mid-replay";
    }

    @Override
    public void run(Suite suite, ScenarioResult result) throws Exception {
        fill(suite);
        Ledger ledger = suite.ledger("query-kill");
        Projections.Status atKill = null;
        long killed;
        Instant killedAt;
        try (Load load = suite.load(ledger)) {
            Suite.require(ledger.awaitAcknowledged(suite.options.before(), Suite.PATIENCE),
                    "the writers never got " + suite.options.before() + " commands acknowledged");
            for (int i = 0; i < TRIES && atKill == null; i++) {
                for (String projection : Projections.ALL) {
                    Suite.require(suite.projections.replay(projection) == 202, "the replay of " + projection
                            + " was not accepted");
                }
                Say.line("  replaying " + String.join(", ", Projections.ALL) + " over " + suite.events() + " events");
                atKill = midReplay(suite.projections);
            }
            Suite.require(atKill != null, "the " + WATCHED + " replay ended each time before it could be caught "
                    + "mid-way: give the store more events (--replay-events)");
            killed = suite.system.kill(RunningSystem.QUERY_SERVICE);
            killedAt = Instant.now();
            Say.line("  kill -9 query-service (pid " + killed + ") with " + WATCHED + " replaying at position "
                    + atKill.position() + " (" + Math.round(atKill.progress() * 100) + "%)");
            // writes go on past the kill; the restarted service has them to catch up with
            Suite.require(ledger.awaitAcknowledged(ledger.acknowledged() + suite.options.after(), Suite.PATIENCE),
                    "the writers never got more commands acknowledged");
        }
        long restarted = suite.system.awaitRestarted(RunningSystem.QUERY_SERVICE, killed);
        Say.line("  the launcher restarted it as pid " + restarted + ", healthy "
                + Say.seconds(Duration.between(killedAt, Instant.now())) + " after the kill");
        result.check("the query service was killed mid-replay and restarted by the launcher",
                atKill.replaying() && atKill.progress() < 1 && restarted != killed,
                WATCHED + " at " + Math.round(atKill.progress() * 100) + "% of its replay; pid " + killed
                        + " killed, pid " + restarted + " healthy");
        result.tally(suite.settle(ledger));

        List<Projections.Status> finished = suite.projections.awaitCaughtUp(Suite.PATIENCE);
        result.check("after the restart every projection finishes at the head, no dead letters", finished != null
                        && finished.stream().allMatch(s -> s.deadLetters() == 0),
                finished == null ? "not within " + Suite.PATIENCE + ": " + suite.projections.all() : finished.toString());
        ReadModels afterKill = suite.readModels();

        for (String projection : Projections.ALL) {
            Suite.require(suite.projections.replay(projection) == 202, "the fresh replay of " + projection
                    + " was not accepted");
        }
        Suite.require(suite.projections.awaitCaughtUp(Suite.PATIENCE) != null, "the fresh replay did not finish");
        ReadModels fresh = suite.readModels();
        ReadModels.Difference difference = afterKill.against(fresh, "after the kill", "after a fresh replay");
        result.check("the read models equal, row by row, those of a fresh replay", difference.rows() == 0
                        && afterKill.rows() > 0,
                afterKill.rows() + " rows in " + afterKill.tables().size() + " tables compared, "
                        + difference.rows() + " differ" + (difference.examples().isEmpty() ? ""
                        : ": " + String.join("; ", difference.examples())));
    }

    /** Writes until the store holds the events the replay should take long enough over. */
    private static void fill(Suite suite) throws Exception {
        long events = suite.events();
        if (events >= suite.options.replayEvents()) {
            return;
        }
        Say.line("  the store holds " + events + " events; writing up to " + suite.options.replayEvents()
                + " first, so that the replay takes a while");
        Ledger filling = suite.ledger("fill");
        try (Load load = suite.load(filling)) {
            Suite.require(filling.awaitAcknowledged(suite.options.replayEvents() - events, Suite.PATIENCE.multipliedBy(5)),
                    "could not fill the store");
        }
        Suite.require(suite.settle(filling).exact(), "the commands that filled the store did not all land once");
    }

    /** Polls the watched projection until it is seen between 10% and 90% of its replay; null if it ended first. */
    private static Projections.Status midReplay(Projections projections) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            Projections.Status status = projections.of(WATCHED);
            if (status != null && status.replaying() && status.progress() >= 0.1 && status.progress() < 0.9) {
                return status;
            }
            if (status != null && !status.replaying()) {
                return null;
            }
        }
        return null;
    }
}
