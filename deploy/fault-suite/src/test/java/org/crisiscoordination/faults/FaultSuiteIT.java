package org.crisiscoordination.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/faults --short} against the built jars: every fault injected into real processes
 * (kill -9 of each service and of PostgreSQL, PostgreSQL stopped for 5 s, all under load), one
 * running system throughout, and every promise checked. The suite's own PostgreSQL takes a free
 * port for the run, never 5432.
 */
class FaultSuiteIT {

    @TempDir
    Path work;

    @Test
    void everyPromiseHoldsUnderEveryFault() throws Exception {
        Options options = Options.parse("--root", System.getProperty("crisis.root"), "--short",
                "--postgres-port", Integer.toString(freePort()), "--work-dir", work.toString());

        List<ScenarioResult> results = FaultSuite.run(options);

        assertThat(results).extracting(ScenarioResult::name).containsExactly(
                "kill -9 of the command service mid-load", "kill -9 of PostgreSQL mid-load",
                "PostgreSQL stopped under load", "kill -9 of the query service mid-replay", FaultSuite.ALL_SCENARIOS);
        for (ScenarioResult result : results) {
            assertThat(result.checks()).as(result.name() + ": " + FaultSuite.summary(results))
                    .isNotEmpty().allMatch(ScenarioResult.Check::held);
            Tally tally = result.tally();
            assertThat(tally).as(result.name() + " was counted").isNotNull();
            assertThat(tally.sent()).as(result.name() + ": sent").isPositive();
            assertThat(tally.lost()).as(result.name() + ": lost").isZero();
            assertThat(tally.duplicates()).as(result.name() + ": duplicates").isZero();
            assertThat(tally.stored()).as(result.name() + ": stored").isEqualTo(tally.sent());
        }
        // the faults cost answers, so the resend with Idempotency-Key was really exercised
        assertThat(results.get(0).tally().resent()).as("commands resent after the command service's kill").isPositive();
        assertThat(results.get(2).tally().resent()).as("commands resent after the outage").isPositive();
    }

    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (socket.getLocalPort() != Options.SHARED_SERVER_PORT) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
