package org.crisiscoordination.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/run}, as the README tells a newcomer to run it: on the embedded PostgreSQL in its
 * default data directory under a private home directory (as /root is), it starts, stops on
 * SIGTERM, and starts again with the data kept.
 */
class DeployRunIT {

    @TempDir
    Path home;

    @Test
    void startsStopsAndRestartsWithItsDataKept() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        int commandPort = freePort();
        int queryPort = freePort();

        Process first = start(commandPort, queryPort);
        Http.Answer raised = Http.post("http://localhost:" + commandPort + "/api/crises", """
                {"title":"Flooding in the delta","hotspot":"Ayeyarwady delta","topic":"DISASTER_RELIEF",
                 "severity":2,"involvedStates":["MM"],"summary":"Monsoon floods displace thousands"}""");
        assertThat(raised.status()).isEqualTo(201);
        String crisis = raised.body().get("id").asText();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                Http.get("http://localhost:" + queryPort + "/api/crises/" + crisis).status()).isEqualTo(200));
        stop(first);
        assertThat(home.resolve(".crisis-coordination/postgres/PG_VERSION")).exists();

        Process second = start(commandPort, queryPort);
        Http.Answer kept = Http.get("http://localhost:" + queryPort + "/api/crises/" + crisis);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("title").asText()).isEqualTo("Flooding in the delta");
        assertThat(Http.get("http://localhost:" + queryPort + "/api/crises/" + crisis + "/timeline").body()
                .get("entries")).hasSize(1);
        stop(second);
    }

    private Process start(int commandPort, int queryPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("crisis.launcher.script")).redirectErrorStream(true);
        builder.environment().remove("CRISIS_DATABASE_URL");
        builder.environment().remove("CRISIS_DATA_DIR");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("CRISIS_COMMAND_PORT", Integer.toString(commandPort));
        builder.environment().put("CRISIS_QUERY_PORT", Integer.toString(queryPort));
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    System.out.println("deploy/run: " + line);
                    if (line.startsWith("Ready.")) {
                        CompletableFuture.runAsync(() -> drain(output));
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        await().atMost(Duration.ofMinutes(4)).until(ready::isDone);
        assertThat(ready.join()).as("deploy/run printed Ready.").isTrue();
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM, as a service manager or Ctrl-C would
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("deploy/run stopped within a minute").isTrue();
    }

    private static void drain(BufferedReader output) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println("deploy/run: " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
