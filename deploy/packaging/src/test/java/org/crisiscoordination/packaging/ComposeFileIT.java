package org.crisiscoordination.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose as Compose and HAProxy themselves read it (both installed by deploy/prerequisites):
 * valid, and naming the images, ports, probe paths and variables the services have.
 */
class ComposeFileIT {

    private static final Path DIRECTORY = ServiceConfig.ROOT.resolve("deploy/compose");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void composeReadsIt() throws Exception {
        Result check = run("docker-compose", "-f", "docker-compose.yml", "config", "-q");
        assertThat(check.status).as("docker-compose config -q: %s", check.output).isZero();
        Result resolved = run("docker-compose", "-f", "docker-compose.yml", "config");
        assertThat(resolved.status).as(resolved.output).isZero();
        Map<String, Object> compose = new Yaml().load(resolved.output);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void haproxyAcceptsItsConfiguration() throws Exception {
        Result check = run("haproxy", "-c", "-f", "haproxy.cfg");
        assertThat(check.status).as("haproxy -c: %s", check.output).isZero();
    }

    @Test
    void runsPostgresTwoCommandServicesTwoQueryServicesAndTheProxy() {
        assertThat(services).containsOnlyKeys("postgres", "command-1", "command-2", "query-1", "query-2", "proxy");
        for (String name : List.of("command-1", "command-2", "query-1", "query-2")) {
            ServiceConfig service = serviceOf(name);
            assertThat(services.get(name).get("image")).as(name).isEqualTo(service.image());
            assertThat(services.get(name).get("read_only")).as(name).isEqualTo(true);
        }
    }

    @Test
    void everyVariableSetIsOneTheServiceReadsAndEachServiceLogsInAsItsOwnRole() {
        for (String name : List.of("command-1", "command-2", "query-1", "query-2")) {
            Map<String, Object> environment = environment(name);
            List<String> crisis = environment.keySet().stream().filter(key -> key.startsWith("CRISIS_")).toList();
            assertThat(serviceOf(name).variables()).as(name).containsAll(crisis);
            assertThat(environment.get("CRISIS_DATABASE_USER")).as(name)
                    .isEqualTo(name.startsWith("command") ? "crisis_command" : "crisis_query");
        }
    }

    @Test
    void onlyTheFirstCommandServiceSignsCheckpointsAndOnlyItHasTheKey() {
        assertThat(environment("command-1")).containsEntry("CRISIS_CHECKPOINT_SIGNER", "true");
        assertThat(environment("command-2")).containsEntry("CRISIS_CHECKPOINT_SIGNER", "false");
        for (String name : services.keySet()) {
            assertThat(String.valueOf(services.get(name).get("secrets")).contains("checkpoint-key"))
                    .as(name).isEqualTo(name.equals("command-1"));
        }
    }

    @Test
    void theProxyChecksReadinessAndReachesEachServiceOnItsPort() throws IOException {
        String haproxy = java.nio.file.Files.readString(DIRECTORY.resolve("haproxy.cfg"));
        assertThat(haproxy).contains("option httpchk GET " + ServiceConfig.COMMAND.readiness());
        Matcher server = Pattern.compile("^\\s+server (\\S+) (\\S+):(\\d+)", Pattern.MULTILINE).matcher(haproxy);
        int servers = 0;
        while (server.find()) {
            servers++;
            assertThat(services).containsKey(server.group(2));
            assertThat(Integer.parseInt(server.group(3))).as(server.group()).isEqualTo(serviceOf(server.group(2)).port());
        }
        assertThat(servers).isEqualTo(5);
        assertThat(haproxy).containsPattern("use_backend checkpoint-signer if write checkpoint");
    }

    private static ServiceConfig serviceOf(String composeName) {
        return composeName.startsWith("command") ? ServiceConfig.COMMAND : ServiceConfig.QUERY;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) {
        Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
        Map<String, Object> texts = new java.util.LinkedHashMap<>();
        environment.forEach((key, value) -> texts.put(key, String.valueOf(value)));
        return texts;
    }

    private record Result(int status, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(line).directory(DIRECTORY.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is missing: run deploy/prerequisites", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
