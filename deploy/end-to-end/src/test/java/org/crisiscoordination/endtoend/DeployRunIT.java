package org.crisiscoordination.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/run}, as the README tells a newcomer to run it: on the embedded PostgreSQL in its
 * default data directory under a private home directory (as /root is), it starts, stops on
 * SIGTERM saying so, and starts again with the data kept.
 */
class DeployRunIT {

    @TempDir
    Path home;

    @Test
    void startsStopsAndRestartsWithItsDataKept() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));

        DeployRun first = DeployRun.start(home, Map.of());
        Http.Answer raised = Http.post(first.commandUrl() + "/api/crises", """
                {"title":"Flooding in the delta","hotspot":"Ayeyarwady delta","topic":"DISASTER_RELIEF",
                 "severity":2,"involvedStates":["MM"],"summary":"Monsoon floods displace thousands"}""");
        assertThat(raised.status()).isEqualTo(201);
        String crisis = raised.body().get("id").asText();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                Http.get(first.queryUrl() + "/api/crises/" + crisis).status()).isEqualTo(200));
        first.stop();
        assertThat(first.output()).as("what deploy/run printed when asked to stop")
                .anyMatch(line -> line.startsWith("Stopping"))
                .anyMatch(line -> line.equals("Stopped."))
                .noneMatch(line -> line.contains("unexpectedly"));
        assertThat(home.resolve(".crisis-coordination/postgres/PG_VERSION")).exists();

        DeployRun second = DeployRun.start(home, Map.of("CRISIS_COMMAND_PORT", Integer.toString(first.commandPort),
                "CRISIS_QUERY_PORT", Integer.toString(first.queryPort)));
        Http.Answer kept = Http.get(second.queryUrl() + "/api/crises/" + crisis);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("title").asText()).isEqualTo("Flooding in the delta");
        assertThat(Http.get(second.queryUrl() + "/api/crises/" + crisis + "/timeline").body()
                .get("entries")).hasSize(1);
        second.stop();
    }
}
