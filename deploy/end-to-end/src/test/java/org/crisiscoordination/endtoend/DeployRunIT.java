package org.crisiscoordination.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/run}, as the README tells a newcomer to run it: on the embedded PostgreSQL in its
 * default data directory under a private home directory (as /root is), it starts on a durable
 * PostgreSQL, restarts a service that dies and its PostgreSQL when that dies, stops on SIGTERM saying
 * so, and starts again with the data kept.
 */
class DeployRunIT {

    @TempDir
    Path home;

    /** The values of server settings of the embedded PostgreSQL that deploy/run started, as SHOW gives them. */
    private static List<String> serverSettings(DeployRun run, String... names) throws Exception {
        Matcher port = Pattern.compile("embedded PostgreSQL on port (\\d+)").matcher(String.join("\n", run.output()));
        assertThat(port.find()).as("deploy/run printed the embedded PostgreSQL's port").isTrue();
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port.group(1) + "/crisis", "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet value = statement.executeQuery("show " + name)) {
                    value.next();
                    values.add(value.getString(1));
                }
            }
        }
        return values;
    }

    /**
     * The running postmaster of the embedded PostgreSQL in {@code data}, by its postmaster.pid: the
     * test's own server (a temporary home), checked not to be the one on PostgreSQL's usual port.
     */
    private static ProcessHandle embeddedPostmaster(Path data) throws Exception {
        List<String> pidFile = Files.readAllLines(data.resolve("postmaster.pid"));
        assertThat(Files.isSameFile(Path.of(pidFile.get(1).trim()), data)).as("the server of " + data).isTrue();
        assertThat(pidFile.get(3).trim()).as("port").isNotEqualTo("5432");
        return ProcessHandle.of(Long.parseLong(pidFile.get(0).trim())).orElseThrow();
    }

    @Test
    void startsStopsAndRestartsWithItsDataKept() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));

        DeployRun first = DeployRun.start(home, Map.of());
        assertThat(home.resolve(".crisis-coordination/keys/token-public-key.pem"))
                .as("deploy/run made its token key pair beside its data").exists();
        try (var unpacked = Files.list(home.resolve(".crisis-coordination/postgres-binaries"))) {
            assertThat(unpacked.filter(dir -> Files.isExecutable(dir.resolve("bin/postgres"))).count())
                    .as("the PostgreSQL binaries unpacked beside the data on this first start, with deploy/run's heap")
                    .isEqualTo(1);
        }
        String officer = "Bearer " + DeployRun.token(home, "--role", "SECRETARIAT,AUDITOR", "--subject", "duty-officer");
        assertThat(Http.post(first.commandUrl() + "/api/crises", "{}", "Authorization", "Bearer not-a-token").status())
                .as("a token deploy/token did not sign").isEqualTo(401);
        Http.Answer raised = Http.post(first.commandUrl() + "/api/crises", """
                {"title":"Flooding in the delta","hotspot":"Ayeyarwady delta","topic":"DISASTER_RELIEF",
                 "severity":2,"involvedStates":["MM"],"summary":"Monsoon floods displace thousands"}""",
                "Authorization", officer);
        assertThat(raised.status()).isEqualTo(201);
        String crisis = raised.body().get("id").asText();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                Http.get(first.queryUrl() + "/api/crises/" + crisis, "Authorization", officer).status()).isEqualTo(200));
        assertThat(serverSettings(first, "fsync", "synchronous_commit", "full_page_writes"))
                .as("the embedded PostgreSQL is durable: an acknowledged write survives a crash")
                .containsExactly("on", "on", "on");
        first.stop();
        assertThat(first.output()).as("what deploy/run printed when asked to stop")
                .anyMatch(line -> line.startsWith("Stopping"))
                .anyMatch(line -> line.equals("Stopped."))
                .noneMatch(line -> line.contains("unexpectedly"));
        assertThat(home.resolve(".crisis-coordination/postgres/PG_VERSION")).exists();

        DeployRun second = DeployRun.start(home, Map.of("CRISIS_COMMAND_PORT", Integer.toString(first.commandPort),
                "CRISIS_QUERY_PORT", Integer.toString(first.queryPort)));
        Http.Answer kept = Http.get(second.queryUrl() + "/api/crises/" + crisis, "Authorization", officer);
        assertThat(kept.status()).as("a token of the first run, its key kept").isEqualTo(200);
        assertThat(kept.body().get("title").asText()).isEqualTo("Flooding in the delta");
        JsonNode entries = Http.get(second.queryUrl() + "/api/crises/" + crisis + "/timeline", "Authorization", officer)
                .body().get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor").asText()).isEqualTo("deploy-run#duty-officer");

        // a service that dies (kill -9) is restarted, and says so; writes work again
        ProcessHandle command = second.service("command-service").orElseThrow();
        for (String service : List.of("command-service", "query-service")) {
            assertThat(second.service(service).orElseThrow().info().arguments().orElseThrow())
                    .as("%s runs from its unpacked jar with the class archive the launcher made for it", service)
                    .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=") && argument.endsWith(
                            service + "-cds/classes.jsa") && Files.exists(Path.of(argument.substring(argument.indexOf('=') + 1))))
                    .anyMatch(argument -> argument.endsWith(service + "-cds/app/" + service + ".jar"));
            // the JVM says so, and goes on without it, when the archive does not fit the class path
            assertThat(Files.readString(home.resolve(".crisis-coordination/logs/" + service + ".log")))
                    .as("%s loaded its class archive", service).doesNotContain("Unable to use shared archive");
        }
        command.destroyForcibly();
        await().atMost(Duration.ofMinutes(3)).until(() -> second.printed("deploy/run: restarted command-service"));
        assertThat(second.output()).anyMatch(line -> line.startsWith("deploy/run: command-service (pid " + command.pid()
                + ") exited") && line.contains("restarting it in"));
        assertThat(second.service("command-service").orElseThrow().pid()).isNotEqualTo(command.pid());
        Http.Answer afterRestart = Http.post(second.commandUrl() + "/api/crises", """
                {"title":"Landslide after the floods","hotspot":"Chin hills","topic":"DISASTER_RELIEF",
                 "severity":2,"involvedStates":["MM"],"summary":"Roads cut"}""", "Authorization", officer);
        assertThat(afterRestart.status()).isEqualTo(201);
        String landslide = afterRestart.body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Http.get(second.queryUrl() + "/api/crises/" + landslide, "Authorization", officer).status()).isEqualTo(200));

        // its embedded PostgreSQL, killed (kill -9 of the postmaster), is started again from its
        // data on the same port; the services take writes again by themselves, and nothing is lost
        ProcessHandle postgres = embeddedPostmaster(home.resolve(".crisis-coordination/postgres"));
        postgres.destroyForcibly();
        await().atMost(Duration.ofMinutes(3)).until(() -> second.printed("deploy/run: restarted PostgreSQL"));
        assertThat(second.output()).anyMatch(line -> line.startsWith("deploy/run: PostgreSQL (pid " + postgres.pid()
                + ") exited") && line.contains("restarting it in"));
        assertThat(embeddedPostmaster(home.resolve(".crisis-coordination/postgres")).pid()).isNotEqualTo(postgres.pid());
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(Http.post(second.commandUrl() + "/api/crises", """
                {"title":"Cyclone warning","hotspot":"Bay of Bengal","topic":"DISASTER_RELIEF",
                 "severity":2,"involvedStates":["MM"],"summary":"Ports closed"}""", "Authorization", officer).status())
                .isEqualTo(201));
        // the query service's pool reconnects by itself too, not necessarily as soon as the command service's
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                Http.get(second.queryUrl() + "/api/crises/" + landslide, "Authorization", officer).status()).isEqualTo(200));
        assertThat(serverSettings(second, "fsync", "synchronous_commit", "full_page_writes"))
                .as("started again as durable as before").containsExactly("on", "on", "on");
        second.stop();
        assertThat(second.output()).noneMatch(line -> line.contains("unexpectedly"));
    }
}
