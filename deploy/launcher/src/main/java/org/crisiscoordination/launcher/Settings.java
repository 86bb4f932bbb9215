package org.crisiscoordination.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code deploy/run} is told through the environment (see {@code deploy/run --help}).
 *
 * @param databaseUrl an external PostgreSQL's JDBC URL, or null for the embedded one
 * @param dataDir     where the embedded PostgreSQL keeps its data, and where service logs go
 */
record Settings(String databaseUrl, String databaseUser, String databasePassword, Path dataDir, int commandPort,
                int queryPort, Path commandJar, Path queryJar) {

    static Settings from(Map<String, String> env, Path commandJar, Path queryJar) {
        // ~ means $HOME, as in the shell that runs deploy/run
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new Settings(
                blankToNull(env.get("CRISIS_DATABASE_URL")),
                env.getOrDefault("CRISIS_DATABASE_USER", "postgres"),
                env.getOrDefault("CRISIS_DATABASE_PASSWORD", ""),
                Path.of(env.getOrDefault("CRISIS_DATA_DIR", Path.of(home, ".crisis-coordination").toString()))
                        .toAbsolutePath(),
                port(env, "CRISIS_COMMAND_PORT", 8080),
                port(env, "CRISIS_QUERY_PORT", 8081),
                commandJar, queryJar);
    }

    boolean embedded() {
        return databaseUrl == null;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
