package org.crisiscoordination.cluster;

import org.crisiscoordination.testsupport.TestDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/cluster} as a process, on ports of its own, against a database of the tests: its
 * output collected line by line, every address and pid it prints read from it.
 */
final class RunningCluster implements AutoCloseable {

    private static final Pattern INSTANCE = Pattern.compile("^\\s+((?:command|query)-service-\\d+): (http://\\S+)\\s+\\(pid (\\d+);");

    /** One instance as the cluster printed it. */
    record Instance(String name, String url, long pid) {
    }

    private final Process process;
    private final Path dataDir;
    private final int commandFront;
    private final int queryFront;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private RunningCluster(Process process, Path dataDir, int commandFront, int queryFront) {
        this.process = process;
        this.dataDir = dataDir;
        this.commandFront = commandFront;
        this.queryFront = queryFront;
        this.reader = new Thread(this::read, "cluster-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RunningCluster start(Path dataDir, TestDatabase.Database database, int commands, int queries) throws IOException {
        int commandFront = freePort();
        int queryFront = freePort();
        int firstPort = freeInstancePorts(commands, queries);
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("crisis.cluster.script"),
                "--commands", Integer.toString(commands), "--queries", Integer.toString(queries),
                "--first-port", Integer.toString(firstPort)).redirectErrorStream(true);
        builder.environment().put("CRISIS_DATABASE_URL", database.url());
        builder.environment().put("CRISIS_DATABASE_USER", database.user());
        builder.environment().put("CRISIS_DATABASE_PASSWORD", database.password() == null ? "" : database.password());
        builder.environment().put("CRISIS_DATA_DIR", dataDir.toString());
        builder.environment().put("CRISIS_COMMAND_PORT", Integer.toString(commandFront));
        builder.environment().put("CRISIS_QUERY_PORT", Integer.toString(queryFront));
        builder.environment().put("CRISIS_SKIP_BUILD", "true"); // mvn verify has just built the jars
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        RunningCluster cluster = new RunningCluster(builder.start(), dataDir, commandFront, queryFront);
        await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.printed("Ready.") || !cluster.process.isAlive());
        assertThat(cluster.printed("Ready.")).as("deploy/cluster printed Ready.; it printed %s", cluster.output).isTrue();
        return cluster;
    }

    String commandFront() {
        return "http://localhost:" + commandFront;
    }

    String queryFront() {
        return "http://localhost:" + queryFront;
    }

    List<Instance> commandInstances() {
        return instances("command-service-");
    }

    List<Instance> queryInstances() {
        return instances("query-service-");
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** The last line {@code deploy/token} prints with these arguments, signed with this cluster's key. */
    String token(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("crisis.cluster.script")).resolveSibling("token").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("--ttl", "PT12H"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CRISIS_DATA_DIR", dataDir.toString());
        try {
            Process token = builder.start();
            List<String> lines = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(token.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(token.exitValue()).as("deploy/token printed %s", lines).isZero();
            return lines.get(lines.size() - 1).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pid the launcher printed when it restarted the instance, healthy; -1 before that. */
    long restartedPid(String name) {
        Pattern restarted = Pattern.compile("^deploy/cluster: restarted " + Pattern.quote(name) + " \\(pid (\\d+)\\), healthy");
        long pid = -1;
        for (String line : output) {
            Matcher matcher = restarted.matcher(line);
            if (matcher.find()) {
                pid = Long.parseLong(matcher.group(1));
            }
        }
        return pid;
    }

    boolean printed(String start) {
        return output.stream().anyMatch(line -> line.startsWith(start));
    }

    private List<Instance> instances(String prefix) {
        List<Instance> instances = new ArrayList<>();
        for (String line : output) {
            Matcher matcher = INSTANCE.matcher(line);
            if (matcher.find() && matcher.group(1).startsWith(prefix)) {
                instances.add(new Instance(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3))));
            }
        }
        return instances;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                System.out.println("[deploy/cluster] " + line);
            }
        } catch (IOException closed) {
            // the cluster has stopped
        }
    }

    /** SIGTERM, as Ctrl-C: the launcher stops HAProxy, every instance, and says so. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.toHandle().destroy(); // Process.destroy() would close its output before the last lines are read
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        reader.join(TimeUnit.SECONDS.toMillis(30)); // its last lines, up to the end of its output
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether any process the cluster started still runs. */
    static boolean anyAlive(List<ProcessHandle> processes) {
        return processes.stream().anyMatch(ProcessHandle::isAlive);
    }

    List<ProcessHandle> descendants() {
        return process.toHandle().descendants().toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A first port with the instances' ports above it all free (the launcher checks them again). */
    private static int freeInstancePorts(int commands, int queries) {
        while (true) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (free(first, commands) && free(first + 100, queries)) {
                return first;
            }
        }
    }

    private static boolean free(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
