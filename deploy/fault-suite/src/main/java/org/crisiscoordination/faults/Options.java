package org.crisiscoordination.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one run of the fault suite does, and how hard (see {@code deploy/faults --help}).
 *
 * @param root          the repository root, where the built jars are
 * @param clients       concurrent writers during each scenario
 * @param before        commands acknowledged before each fault is injected
 * @param after         commands acknowledged after the system has recovered, before the load stops
 * @param outage        how long PostgreSQL stays stopped in the outage scenario
 * @param replayEvents  the store holds at least this many events before the query service is killed mid-replay
 * @param postgresPort  the port of the suite's own PostgreSQL, the one it kills; never 5432
 * @param workDir       where the suite's PostgreSQL keeps its data and the services their logs; null: a temporary one
 */
record Options(Path root, int clients, int before, int after, Duration outage, int replayEvents, int postgresPort,
               Path workDir) {

    /** PostgreSQL's usual port: a server there is never the suite's own, so the suite never starts or kills one there. */
    static final int SHARED_SERVER_PORT = 5432;

    static Options parse(String... args) {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int clients = 16;
        int before = 400;
        int after = 200;
        Duration outage = Duration.ofSeconds(20);
        int replayEvents = 5_000;
        int postgresPort = 55432;
        Path workDir = null;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                case "--clients" -> clients = positive(value(args, ++i, arg), arg);
                case "--before" -> before = positive(value(args, ++i, arg), arg);
                case "--after" -> after = positive(value(args, ++i, arg), arg);
                case "--outage" -> outage = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--replay-events" -> replayEvents = positive(value(args, ++i, arg), arg);
                case "--postgres-port" -> postgresPort = positive(value(args, ++i, arg), arg);
                case "--work-dir" -> workDir = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                case "--short" -> quick = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (try --help)");
            }
        }
        if (quick) {
            // the form mvn -B verify runs: every fault and every count, with less load around each
            clients = 4;
            before = 40;
            after = 20;
            outage = Duration.ofSeconds(5);
            replayEvents = 600;
        }
        if (postgresPort == SHARED_SERVER_PORT || postgresPort > 65535) {
            throw new IllegalArgumentException("--postgres-port must be a free port other than " + SHARED_SERVER_PORT
                    + ": the suite kills the PostgreSQL it starts there");
        }
        return new Options(root, clients, before, after, outage, replayEvents, postgresPort, workDir);
    }

    Path commandJar() {
        return root.resolve("command-service/target/command-service.jar");
    }

    Path queryJar() {
        return root.resolve("query-service/target/query-service.jar");
    }

    Path launcherJar() {
        return root.resolve("deploy/launcher/target/launcher.jar");
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String name) {
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
        }
    }
}
