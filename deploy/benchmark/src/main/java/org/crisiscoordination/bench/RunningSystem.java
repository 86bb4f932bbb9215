package org.crisiscoordination.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The system as {@code deploy/run} runs it: the launcher's jar, which starts both services as
 * child processes, pointed at the run's database. It times each service from its process start
 * to its first healthy answer, and reads each process's resident memory.
 */
final class RunningSystem implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Process launcher;
    private final int commandPort;
    private final int queryPort;
    private final Map<String, Double> secondsToHealthy = new LinkedHashMap<>();
    private final Map<String, ProcessHandle> services = new LinkedHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private double secondsToReady;

    /** The bench's bearer token: the secretariat's and the operator's roles, from deploy/run's issuer. */
    private String authorization;

    private RunningSystem(Process launcher, int commandPort, int queryPort) {
        this.launcher = launcher;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
    }

    /**
     * @param profile a Spring profile both services run with, or null
     */
    static RunningSystem start(Options options, BenchDatabase database, Path workDir, String profile)
            throws IOException, InterruptedException {
        int commandPort = freePort();
        int queryPort = freePort();
        // the launcher's JVM flags as deploy/run gives them
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms8m", "-Xmx128m",
                "-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=2000", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=20",
                "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m", "-Xss256k", "-jar",
                options.launcherJar().toString(), options.commandJar().toString(), options.queryJar().toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("CRISIS_DATABASE_URL", database.url());
        env.put("CRISIS_DATABASE_USER", database.user());
        env.put("CRISIS_DATABASE_PASSWORD", database.password());
        env.put("CRISIS_DATA_DIR", workDir.toString());
        env.put("CRISIS_COMMAND_PORT", Integer.toString(commandPort));
        env.put("CRISIS_QUERY_PORT", Integer.toString(queryPort));
        if (profile == null) {
            env.remove("SPRING_PROFILES_ACTIVE");
        } else {
            env.put("SPRING_PROFILES_ACTIVE", profile);
        }
        Instant started = Instant.now();
        RunningSystem system = new RunningSystem(builder.start(), commandPort, queryPort);
        system.echoTo(workDir.resolve("launcher.log"), started);
        Thread command = started(() -> system.awaitHealthy("command-service", commandPort), false);
        Thread query = started(() -> system.awaitHealthy("query-service", queryPort), false);
        if (!system.ready.await(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            system.close();
            throw new IllegalStateException("the system was not ready within " + STARTUP + "; see " + workDir);
        }
        command.join(STARTUP.toMillis());
        query.join(STARTUP.toMillis());
        system.authorization = "Bearer " + token(options, workDir);
        if (system.secondsToHealthy.size() < 2) {
            system.close();
            throw new IllegalStateException("a service never answered healthy; see " + workDir.resolve("logs"));
        }
        return system;
    }

    /** The {@code Authorization} header value of every request the bench sends. */
    String authorization() {
        return authorization;
    }

    /**
     * A token as {@code deploy/token} prints it, signed with the key the launcher made in the
     * work directory (its {@code CRISIS_DATA_DIR}): the launcher jar holds the signer.
     */
    private static String token(Options options, Path workDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", options.launcherJar().toString(),
                "-Dloader.main=org.crisiscoordination.launcher.TokenCommand",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--role", "SECRETARIAT,OPERATOR", "--subject", "bench", "--ttl", "PT24H");
        builder.environment().put("CRISIS_DATA_DIR", workDir.toString());
        Process process = builder.redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (process.waitFor() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("no token from the launcher: " + lines);
        }
        return lines.get(lines.size() - 1);
    }

    String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    /** From each service's process start to its first healthy answer. */
    synchronized Map<String, Double> secondsToHealthy() {
        return new LinkedHashMap<>(secondsToHealthy);
    }

    /** From starting the launcher to its "Ready." line, as deploy/run reports it. */
    double secondsToReady() {
        return secondsToReady;
    }

    /** Resident memory in MiB of the launcher and each service (VmRSS). */
    Map<String, Double> residentMegabytes() {
        Map<String, Double> rss = new LinkedHashMap<>();
        rss.put("launcher", residentMegabytes(launcher.pid()));
        services.forEach((name, process) -> rss.put(name, residentMegabytes(process.pid())));
        return rss;
    }

    private void echoTo(Path log, Instant started) throws IOException {
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
        started(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.println(line);
                    if (line.startsWith("Ready.")) {
                        secondsToReady = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                        ready.countDown();
                    }
                }
            } catch (IOException closed) {
                // the launcher has stopped: nothing more to echo
            } finally {
                out.close();
            }
        }, true);
    }

    /** Finds the service's JVM among the launcher's children, then polls its health every 20 ms. */
    private void awaitHealthy(String name, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && launcher.isAlive()) {
            ProcessHandle service = child(name + ".jar").orElse(null);
            if (service != null) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        Instant healthy = Instant.now();
                        Instant began = service.info().startInstant().orElseThrow();
                        synchronized (this) {
                            secondsToHealthy.put(name, Duration.between(began, healthy).toMillis() / 1000.0);
                            services.put(name, service);
                        }
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** The service's JVM: not the launcher's unpacking or training run of its jar for the class archive. */
    private Optional<ProcessHandle> child(String jar) {
        List<ProcessHandle> children = launcher.toHandle().children().toList();
        return children.stream()
                .filter(p -> p.info().commandLine().map(line -> line.contains(jar) && !line.contains("-Djarmode=")
                        && !line.contains("-Dspring.context.exit=")).orElse(false))
                .findFirst();
    }

    private static double residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.round(kilobytes / 102.4) / 10.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static Thread started(Runnable task, boolean daemon) {
        Thread thread = new Thread(task);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM to the launcher, which stops the services; waits for all of it. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }
}
