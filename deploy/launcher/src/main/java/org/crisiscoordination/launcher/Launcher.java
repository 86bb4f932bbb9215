package org.crisiscoordination.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the whole system on one machine: PostgreSQL (embedded unless one is named), then the
 * command service, then the query service, each as a child process. It restarts a service that
 * dies, with a back-off, and the embedded PostgreSQL too, and stops them all, in reverse order,
 * only on Ctrl-C or SIGTERM.
 */
public final class Launcher {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final Settings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Database database;
    /** Which token issuer the services trust: deploy/run's own key pair unless one is configured. */
    private Map<String, String> tokenTrust = Map.of();
    /** Set once the user asked to stop: a service that exits after that was stopped, not lost. */
    private volatile boolean stopping;
    /** Set when the launcher itself gives up, so that its exit is not reported as the user's request. */
    private volatile boolean failed;

    private Launcher(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Launcher <command-service.jar> <query-service.jar>  (use deploy/run)");
            System.exit(2);
        }
        Launcher launcher;
        try {
            launcher = new Launcher(Settings.from(System.getenv(), Path.of(args[0]), Path.of(args[1])));
        } catch (IllegalArgumentException e) {
            System.err.println("deploy/run: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAsked, "launcher-stop"));
        try {
            launcher.start();
            for (int i = 0; i < launcher.services.size(); i++) {
                int index = i;
                Thread supervisor = new Thread(() -> launcher.supervise(index), "supervise-" + i);
                supervisor.setDaemon(true);
                supervisor.start();
            }
            if (launcher.database.embedded()) {
                Thread supervisor = new Thread(launcher::superviseDatabase, "supervise-postgres");
                supervisor.setDaemon(true);
                supervisor.start();
            }
            new java.util.concurrent.CountDownLatch(1).await(); // until Ctrl-C or SIGTERM
        } catch (Exception e) {
            if (!launcher.stopping) {
                launcher.failed = true;
                System.err.println("deploy/run: " + e.getMessage());
                System.exit(1);
            }
        }
    }

    private void start() throws Exception {
        Files.createDirectories(settings.dataDir());
        Path logs = Files.createDirectories(settings.dataDir().resolve("logs"));
        database = Database.start(settings);
        tokenTrust = TokenKeys.trustFor(settings.dataDir(), System.getenv());
        System.out.println("PostgreSQL:      " + database.describe()
                + (settings.embedded() ? ", data in " + settings.dataDir().resolve("postgres") : ""));
        String queryUrl = "http://localhost:" + settings.queryPort();
        ServiceProcess command = startService("command-service", settings.commandJar(), settings.commandPort(),
                logs.resolve("command-service.log"), Map.of("CRISIS_COMMAND_PORT", Integer.toString(settings.commandPort()),
                        "CRISIS_QUERY_SERVICE_URL", queryUrl,
                        "CRISIS_CHECKPOINT_KEY_FILE", CheckpointKey.ensure(settings.dataDir()).toString()));
        ServiceProcess query = startService("query-service", settings.queryJar(), settings.queryPort(),
                logs.resolve("query-service.log"), Map.of("CRISIS_QUERY_PORT", Integer.toString(settings.queryPort())));
        System.out.println("command-service: " + command.url() + "  (writes; pid " + command.process().pid()
                + "; log " + command.log() + ")");
        System.out.println("query-service:   " + query.url() + "  (reads; pid " + query.process().pid()
                + "; log " + query.log() + ")");
        System.out.println("Swagger UI:      " + command.url() + "/swagger-ui.html and " + query.url() + "/swagger-ui.html");
        System.out.println("Tokens:          deploy/token --role SECRETARIAT (see deploy/token --help)");
        System.out.println("Ready. Ctrl-C stops everything.");
    }

    private ServiceProcess startService(String name, Path jar, int port, Path log, Map<String, String> extra)
            throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.put("CRISIS_DATABASE_URL", database.url());
        environment.put("CRISIS_DATABASE_USER", database.user());
        environment.put("CRISIS_DATABASE_PASSWORD", database.password());
        environment.putAll(tokenTrust);
        environment.putAll(QueryServiceRole.loginFor(name, database));
        System.out.println("Starting " + name + " on port " + port + " ...");
        ServiceProcess service = ServiceProcess.start(name, jar, port, log, environment);
        services.add(service);
        service.awaitHealthy();
        return service;
    }

    /**
     * Restarts the service at {@code index} whenever it dies, waiting 1 s before the first restart
     * and twice as long before each next one (at most {@link #MAX_BACKOFF}); a service that stayed
     * up for {@link #STABLE} starts again from 1 s. Only Ctrl-C or SIGTERM stops it for good.
     */
    private void supervise(int index) {
        Duration backoff = FIRST_BACKOFF;
        while (!stopping) {
            ServiceProcess current;
            synchronized (this) {
                if (stopping) {
                    return;
                }
                current = services.get(index);
            }
            Instant since = Instant.now();
            try {
                int status = current.process().waitFor();
                if (stopping) {
                    return;
                }
                if (Duration.between(since, Instant.now()).compareTo(STABLE) > 0) {
                    backoff = FIRST_BACKOFF;
                }
                System.out.println("deploy/run: " + current.name() + " (pid " + current.process().pid()
                        + ") exited with status " + status + "; restarting it in " + backoff.toSeconds() + " s");
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                ServiceProcess next;
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    next = current.startAgain();
                    services.set(index, next);
                }
                next.awaitHealthy();
                System.out.println("deploy/run: restarted " + next.name() + " (pid " + next.process().pid() + "), healthy");
            } catch (InterruptedException e) {
                return;
            } catch (IOException | IllegalStateException e) {
                System.err.println("deploy/run: restarting " + current.name() + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * Starts the embedded PostgreSQL again whenever it dies, on the same port and from its data
     * (it recovers from its write-ahead log), with the services' back-off; meanwhile the services
     * answer 503 and they recover by themselves once it is back. It first waits for the dead
     * server's processes to go, since PostgreSQL refuses to start while any of them lives.
     */
    private void superviseDatabase() {
        Database db = database;
        Duration backoff = FIRST_BACKOFF;
        while (!stopping) {
            try {
                Optional<ProcessHandle> running = db.postmaster();
                if (running.isPresent()) {
                    Instant since = Instant.now();
                    List<ProcessHandle> processes = awaitExit(running.get());
                    if (stopping) {
                        return;
                    }
                    if (Duration.between(since, Instant.now()).compareTo(STABLE) > 0) {
                        backoff = FIRST_BACKOFF;
                    }
                    System.out.println("deploy/run: PostgreSQL (pid " + running.get().pid()
                            + ") exited; restarting it in " + backoff.toSeconds() + " s");
                    for (ProcessHandle process : processes) {
                        process.onExit().completeOnTimeout(process, 30, TimeUnit.SECONDS).join();
                    }
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    db.restart();
                }
                System.out.println("deploy/run: restarted PostgreSQL (pid "
                        + db.postmaster().map(ProcessHandle::pid).orElse(-1L) + "), " + db.describe());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("deploy/run: restarting PostgreSQL failed: " + e.getMessage());
            }
        }
    }

    /** Waits for the postmaster to exit; answers the processes it last had, which outlive it a moment. */
    private static List<ProcessHandle> awaitExit(ProcessHandle postmaster) throws InterruptedException {
        List<ProcessHandle> processes = List.of();
        while (postmaster.isAlive()) {
            processes = postmaster.descendants().toList();
            try {
                postmaster.onExit().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                // look at its processes again
            }
        }
        return processes;
    }

    /** Ctrl-C or SIGTERM (the JVM's shutdown hook): says so, then stops everything. */
    private void stopAsked() {
        if (!failed) {
            stopping = true;
            System.out.println("Stopping (Ctrl-C or SIGTERM): the services, then PostgreSQL ...");
        }
        stop();
    }

    /** Stops the services newest first, then PostgreSQL; safe to call more than once. */
    private synchronized void stop() {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("deploy/run: could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            database = null;
        }
        System.out.println("Stopped.");
    }
}
