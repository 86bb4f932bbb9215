package org.crisiscoordination.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child process, its output in a log file. */
final class ServiceProcess {

    static final Duration STARTUP = Duration.ofMinutes(3);

    /**
     * Each service's JVM: a live set of about 45 MB after a bench run fits a 128 MB heap many times
     * over (the default may take a quarter of the machine's memory and grows freely); the serial
     * collector costs the least CPU and memory where two cores are shared with PostgreSQL and the
     * other service. Resident memory stays under 350 MB: heap, about 75 MB of class metadata,
     * about 35 MB of compiled code, thread stacks.
     */
    static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
            "-Xss512k");
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Path log;
    private final Path jar;
    private final Map<String, String> environment;
    private final Process process;

    private ServiceProcess(String name, Path jar, int port, Path log, Map<String, String> environment, Process process) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.process = process;
    }

    /** The same service started anew, as it was started before. */
    ServiceProcess startAgain() throws IOException {
        return start(name, jar, port, log, environment);
    }

    static ServiceProcess start(String name, Path jar, int port, Path log, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(ClassDataArchive.launchArguments(jar, JVM_FLAGS, environment, log));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, jar, port, log, environment, builder.start());
    }

    /** Waits until the service reports itself healthy; fails if it dies or takes too long. */
    void awaitHealthy() throws InterruptedException {
        awaitHealthy(STARTUP);
    }

    /** The same, given as long as {@code startup}: services started side by side share the cores. */
    void awaitHealthy(Duration startup) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(startup);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " did not become healthy within " + startup + "; see " + log);
    }

    /** Asks the service to stop (SIGTERM, so it shuts down gracefully), and insists if it lingers. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    Process process() {
        return process;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }
}
