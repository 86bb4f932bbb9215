package org.crisiscoordination.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Both services as {@code deploy/run} runs them: the launcher's jar, which starts each service as
 * a child process and restarts one that dies, pointed at the suite's PostgreSQL. The suite finds a
 * service's JVM among the launcher's children by its jar, to kill it.
 */
final class RunningSystem implements AutoCloseable {

    static final String COMMAND_SERVICE = "command-service";
    static final String QUERY_SERVICE = "query-service";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Process launcher;
    private final Options options;
    private final Path workDir;
    private final int commandPort;
    private final int queryPort;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private RunningSystem(Process launcher, Options options, Path workDir, int commandPort, int queryPort) {
        this.launcher = launcher;
        this.options = options;
        this.workDir = workDir;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
    }

    static RunningSystem start(Options options, FaultDatabase database, Path workDir) throws IOException {
        int commandPort = freePort();
        int queryPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                options.launcherJar().toString(), options.commandJar().toString(), options.queryJar().toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("CRISIS_DATABASE_URL", database.url());
        env.put("CRISIS_DATABASE_USER", "postgres");
        env.put("CRISIS_DATABASE_PASSWORD", "");
        env.put("CRISIS_DATA_DIR", workDir.toString());
        env.put("CRISIS_COMMAND_PORT", Integer.toString(commandPort));
        env.put("CRISIS_QUERY_PORT", Integer.toString(queryPort));
        env.remove("SPRING_PROFILES_ACTIVE");
        RunningSystem system = new RunningSystem(builder.start(), options, workDir, commandPort, queryPort);
        system.echo(workDir.resolve("launcher.log"));
        Instant deadline = Instant.now().plus(STARTUP);
        while (!system.printed("Ready.")) {
            if (!system.launcher.isAlive() || Instant.now().isAfter(deadline)) {
                system.close();
                throw new IllegalStateException("the launcher did not get both services ready; see " + workDir);
            }
            FaultDatabase.pause(Duration.ofMillis(200));
        }
        return system;
    }

    String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    /**
     * A bearer token signed with the key the launcher made for this run, as {@code deploy/token}
     * prints it (the launcher's own token command, run from its jar).
     */
    String token(String roles, String subject) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", options.launcherJar().toString(),
                "-Dloader.main=org.crisiscoordination.launcher.TokenCommand",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--role", roles, "--subject", subject, "--ttl", "PT12H")
                .redirectErrorStream(true);
        builder.environment().put("CRISIS_DATA_DIR", workDir.toString());
        Process command = builder.start();
        List<String> lines = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (command.waitFor() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("the launcher's token command failed: " + lines);
        }
        return lines.get(lines.size() - 1).trim();
    }

    /** The service's running JVM, a child of the launcher started from its jar. */
    Optional<ProcessHandle> service(String name) {
        return launcher.toHandle().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(name + ".jar")).orElse(false))
                .findFirst();
    }

    /** kill -9 of the service's JVM; waits until it is gone. */
    long kill(String name) {
        ProcessHandle service = service(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        service.destroyForcibly();
        service.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        return service.pid();
    }

    /** Waits until the launcher has started the service again (a pid other than {@code killed}) and it is healthy. */
    long awaitRestarted(String name, long killed) {
        Instant deadline = Instant.now().plus(STARTUP);
        String url = COMMAND_SERVICE.equals(name) ? commandUrl() : queryUrl();
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessHandle> current = service(name).filter(p -> p.pid() != killed);
            if (current.isPresent() && status(url + "/actuator/health") == 200) {
                return current.get().pid();
            }
            FaultDatabase.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the launcher did not restart " + name + " within " + STARTUP);
    }

    /** The status of a GET, or -1 when nothing answered. */
    int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Lines the launcher printed that start with {@code start}. */
    List<String> printed(String start, int from) {
        return output.subList(Math.min(from, output.size()), output.size()).stream()
                .filter(line -> line.startsWith(start)).toList();
    }

    int linesPrinted() {
        return output.size();
    }

    private boolean printed(String start) {
        return output.stream().anyMatch(line -> line.startsWith(start));
    }

    private void echo(Path log) throws IOException {
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println(line);
                    output.add(line);
                    Say.launcher(line);
                }
            } catch (IOException closed) {
                // the launcher has stopped
            } finally {
                out.close();
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
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

    /** SIGTERM to the launcher, which stops both services; waits for all of it. */
    @Override
    public void close() {
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }
}
