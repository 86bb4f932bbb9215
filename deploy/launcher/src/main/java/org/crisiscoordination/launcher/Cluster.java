package org.crisiscoordination.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy/cluster}: N command services and M query services as processes against one
 * PostgreSQL, with HAProxy in front giving each service one address (the usual ports) and the
 * instances on ports of their own. Everything else is {@code deploy/run}'s: the database, the keys,
 * the restarts, Ctrl-C.
 */
final class Cluster {

    static final String PROGRAM = "deploy/cluster";
    static final int DEFAULT_FIRST_PORT = 18080;
    /** Query-service instances start this far above the first command-service instance's port. */
    static final int QUERY_PORT_OFFSET = 100;
    private static final int MAX_INSTANCES = QUERY_PORT_OFFSET;

    /** What {@code deploy/cluster} is told on its command line (see {@code deploy/cluster --help}). */
    record Options(int commands, int queries, int firstPort) {

        static Options parse(List<String> args) {
            int commands = 2;
            int queries = 2;
            int firstPort = DEFAULT_FIRST_PORT;
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value (try --help)");
                }
                String value = args.get(++i);
                switch (flag) {
                    case "--commands" -> commands = number(flag, value, 1, MAX_INSTANCES);
                    case "--queries" -> queries = number(flag, value, 1, MAX_INSTANCES);
                    case "--first-port" -> firstPort = number(flag, value, 1, 65535 - QUERY_PORT_OFFSET - MAX_INSTANCES);
                    default -> throw new IllegalArgumentException("unknown argument '" + flag + "' (try --help)");
                }
            }
            return new Options(commands, queries, firstPort);
        }

        int commandPort(int instance) {
            return firstPort + instance;
        }

        int queryPort(int instance) {
            return firstPort + QUERY_PORT_OFFSET + instance;
        }

        private static int number(String flag, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(flag + " must be a number from " + min + " to " + max + ", not '" + value + "'");
        }
    }

    private final Options options;
    private Haproxy haproxy;

    Cluster(Options options) {
        this.options = options;
    }

    /**
     * Starts the instances, the first command service alone (it migrates the event store), then
     * the others at once, then HAProxy in front of them; prints every address.
     */
    void start(Launcher launcher, Settings settings, Path logs, Path checkpointKey) throws Exception {
        List<Integer> commandPorts = new ArrayList<>();
        List<Integer> queryPorts = new ArrayList<>();
        for (int i = 0; i < options.commands(); i++) {
            commandPorts.add(options.commandPort(i));
        }
        for (int i = 0; i < options.queries(); i++) {
            queryPorts.add(options.queryPort(i));
        }
        List<Integer> all = new ArrayList<>(List.of(settings.commandPort(), settings.queryPort()));
        all.addAll(commandPorts);
        all.addAll(queryPorts);
        requireFree(all);
        String queryFront = "http://localhost:" + settings.queryPort();
        List<ServiceProcess> commands = new ArrayList<>();
        List<ServiceProcess> queries = new ArrayList<>();
        for (int i = 0; i < commandPorts.size(); i++) {
            String port = Integer.toString(commandPorts.get(i));
            ServiceProcess command = launcher.launch("command-service-" + (i + 1), settings.commandJar(),
                    commandPorts.get(i), logs.resolve("command-service-" + (i + 1) + ".log"),
                    Map.of("CRISIS_COMMAND_PORT", port, "CRISIS_QUERY_SERVICE_URL", queryFront,
                            "CRISIS_CHECKPOINT_KEY_FILE", checkpointKey.toString()));
            commands.add(command);
            if (i == 0) {
                command.awaitHealthy();
            }
        }
        for (int i = 0; i < queryPorts.size(); i++) {
            queries.add(launcher.launch("query-service-" + (i + 1), settings.queryJar(), queryPorts.get(i),
                    logs.resolve("query-service-" + (i + 1) + ".log"),
                    Map.of("CRISIS_QUERY_PORT", Integer.toString(queryPorts.get(i)))));
        }
        // started side by side, they share the cores: each is given as long as it would be given alone, times their number
        Duration startup = ServiceProcess.STARTUP.multipliedBy(commands.size() - 1 + queries.size());
        for (ServiceProcess service : commands.subList(1, commands.size())) {
            service.awaitHealthy(startup);
        }
        for (ServiceProcess service : queries) {
            service.awaitHealthy(startup);
        }
        haproxy = Haproxy.start(settings.dataDir(), List.of(
                new Haproxy.Front("command-service", settings.commandPort(), commandPorts),
                new Haproxy.Front("query-service", settings.queryPort(), queryPorts)));
        System.out.println("command-service: http://localhost:" + settings.commandPort()
                + "  (writes; HAProxy in front of " + commands.size() + " instances)");
        commands.forEach(Cluster::describe);
        System.out.println("query-service:   " + queryFront + "  (reads; HAProxy in front of " + queries.size()
                + " instances)");
        queries.forEach(Cluster::describe);
        System.out.println("HAProxy:         pid " + haproxy.process().pid() + "; config " + haproxy.config()
                + "; instances checked at " + Haproxy.READINESS + " every second");
    }

    private static void describe(ServiceProcess service) {
        System.out.println("  " + service.name() + ": " + service.url() + "  (pid " + service.process().pid()
                + "; log " + service.log() + ")");
    }

    /** Starts HAProxy again whenever it dies, with the services' back-off, until the launcher stops. */
    void superviseFront(Launcher launcher) {
        Duration backoff = Launcher.FIRST_BACKOFF;
        while (!launcher.stopping()) {
            try {
                int status = haproxy.process().waitFor();
                if (launcher.stopping()) {
                    return;
                }
                System.out.println(PROGRAM + ": HAProxy (pid " + haproxy.process().pid() + ") exited with status "
                        + status + "; restarting it in " + backoff.toSeconds() + " s");
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Launcher.MAX_BACKOFF) > 0 ? Launcher.MAX_BACKOFF
                        : backoff.multipliedBy(2);
                synchronized (launcher) {
                    if (launcher.stopping()) {
                        return;
                    }
                    haproxy.restart();
                }
                System.out.println(PROGRAM + ": restarted HAProxy (pid " + haproxy.process().pid() + ")");
            } catch (InterruptedException e) {
                return;
            } catch (IOException | IllegalStateException e) {
                System.err.println(PROGRAM + ": restarting HAProxy failed: " + e.getMessage());
            }
        }
    }

    /** Stops HAProxy first, so that no request reaches an instance that is stopping. */
    void stopFront() throws InterruptedException {
        if (haproxy != null) {
            haproxy.stop();
        }
    }

    private static void requireFree(List<Integer> ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalArgumentException("port " + port + " is in use (a deploy/run or deploy/cluster"
                        + " already running?); see --help for the ports");
            }
        }
    }
}
