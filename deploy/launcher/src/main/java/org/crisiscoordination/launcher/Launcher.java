package org.crisiscoordination.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the whole system on one machine: PostgreSQL (embedded unless one is named), then the
 * command service, then the query service, each as a child process. It stops them all, in
 * reverse order, on Ctrl-C or SIGTERM, or when one of them dies.
 */
public final class Launcher {

    private final Settings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Database database;
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
            int status = launcher.awaitFirstExit();
            if (launcher.stopping) {
                return; // the shutdown hook is stopping everything; exiting here would race it
            }
            launcher.failed = true;
            System.err.println("deploy/run: a service stopped unexpectedly; stopping the others");
            System.exit(status == 0 ? 1 : status);
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
        System.out.println("PostgreSQL:      " + database.describe()
                + (settings.embedded() ? ", data in " + settings.dataDir().resolve("postgres") : ""));
        String queryUrl = "http://localhost:" + settings.queryPort();
        ServiceProcess command = startService("command-service", settings.commandJar(), settings.commandPort(),
                logs.resolve("command-service.log"), Map.of("CRISIS_COMMAND_PORT", Integer.toString(settings.commandPort()),
                        "CRISIS_QUERY_SERVICE_URL", queryUrl));
        ServiceProcess query = startService("query-service", settings.queryJar(), settings.queryPort(),
                logs.resolve("query-service.log"), Map.of("CRISIS_QUERY_PORT", Integer.toString(settings.queryPort())));
        System.out.println("command-service: " + command.url() + "  (writes; log " + command.log() + ")");
        System.out.println("query-service:   " + query.url() + "  (reads; log " + query.log() + ")");
        System.out.println("Swagger UI:      " + command.url() + "/swagger-ui.html and " + query.url() + "/swagger-ui.html");
        System.out.println("Ready. Ctrl-C stops everything.");
    }

    private ServiceProcess startService(String name, Path jar, int port, Path log, Map<String, String> extra)
            throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.put("CRISIS_DATABASE_URL", database.url());
        environment.put("CRISIS_DATABASE_USER", database.user());
        environment.put("CRISIS_DATABASE_PASSWORD", database.password());
        System.out.println("Starting " + name + " on port " + port + " ...");
        ServiceProcess service = ServiceProcess.start(name, jar, port, log, environment);
        services.add(service);
        service.awaitHealthy();
        return service;
    }

    private int awaitFirstExit() throws Exception {
        CompletableFuture<?>[] exits = services.stream().map(s -> s.process().onExit()).toArray(CompletableFuture[]::new);
        Process first = (Process) CompletableFuture.anyOf(exits).get();
        return first.exitValue();
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
