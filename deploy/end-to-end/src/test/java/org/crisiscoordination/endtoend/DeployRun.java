package org.crisiscoordination.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code deploy/run} as a process, its output collected line by line as a user would read it. */
final class DeployRun implements AutoCloseable {

    private final Process process;
    private final Thread reader;
    private final List<String> output = new CopyOnWriteArrayList<>();
    final int commandPort;
    final int queryPort;

    private DeployRun(Process process, int commandPort, int queryPort) {
        this.process = process;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
        this.reader = new Thread(this::read, "deploy-run-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts deploy/run with HOME at {@code home} and the given variables, and waits for "Ready.". */
    static DeployRun start(Path home, Map<String, String> environment) {
        int commandPort = environment.containsKey("CRISIS_COMMAND_PORT")
                ? Integer.parseInt(environment.get("CRISIS_COMMAND_PORT")) : freePort();
        int queryPort = environment.containsKey("CRISIS_QUERY_PORT")
                ? Integer.parseInt(environment.get("CRISIS_QUERY_PORT")) : freePort();
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("crisis.launcher.script")).redirectErrorStream(true);
        builder.environment().remove("CRISIS_DATABASE_URL");
        builder.environment().remove("CRISIS_DATA_DIR");
        builder.environment().put("HOME", home.toString());
        // mvn verify has just built the jars: deploy/run need not look for newer sources (an untouched
        // jar that mvn found up to date may be older than an edited pom, and would be built again)
        builder.environment().put("CRISIS_SKIP_BUILD", "true");
        builder.environment().putAll(environment);
        builder.environment().put("CRISIS_COMMAND_PORT", Integer.toString(commandPort));
        builder.environment().put("CRISIS_QUERY_PORT", Integer.toString(queryPort));
        try {
            DeployRun run = new DeployRun(builder.start(), commandPort, queryPort);
            await().atMost(Duration.ofMinutes(4)).until(() -> run.printed("Ready.") || !run.process.isAlive());
            assertThat(run.printed("Ready.")).as("deploy/run printed Ready.; it printed %s", run.output).isTrue();
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A token from {@code deploy/token} with these arguments, run as a user of {@code home} would
     * (so signed with the key deploy/run keeps there): the last line it prints.
     */
    static String token(Path home, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("crisis.launcher.script")).resolveSibling("token").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CRISIS_DATA_DIR");
        builder.environment().put("HOME", home.toString());
        try {
            Process token = builder.start();
            List<String> lines = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(token.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(token.exitValue()).as("deploy/token printed %s", lines).isZero();
            return lines.get(lines.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    boolean printed(String start) {
        return output.stream().anyMatch(line -> line.startsWith(start));
    }

    /** The running JVM of a service that deploy/run started, found by its jar among deploy/run's descendants. */
    Optional<ProcessHandle> service(String name) {
        return process.toHandle().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains(name + ".jar")).orElse(false))
                .findFirst();
    }

    /** Stops deploy/run as Ctrl-C or a service manager would (SIGTERM), and waits for it to end. */
    void stop() throws InterruptedException {
        process.toHandle().destroy(); // Process.destroy() would close its output before we read the last lines
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("deploy/run stopped within 90 s").isTrue();
        reader.join(Duration.ofSeconds(10).toMillis()); // the last lines it printed
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("  deploy/run | " + line); // its own lines may start with "deploy/run:"
                output.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
