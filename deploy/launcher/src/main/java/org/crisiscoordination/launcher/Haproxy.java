package org.crisiscoordination.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package, installed by {@code deploy/prerequisites}) in front of the cluster:
 * one address per service, each spreading requests round-robin over that service's instances
 * and sending none to an instance whose readiness probe does not answer 200 (stopped, starting,
 * or cut off from PostgreSQL).
 */
final class Haproxy {

    static final String READINESS = "/actuator/health/readiness";

    /** One front address and the instances behind it. */
    record Front(String name, int port, List<Integer> instancePorts) {
    }

    private final Path config;
    private final Path log;
    private Process process;

    private Haproxy(Path config, Path log) {
        this.config = config;
        this.log = log;
    }

    /** The configuration for these fronts: a text of its own, so that it can be read and tested. */
    static String configuration(List<Front> fronts) {
        StringBuilder text = new StringBuilder("""
                # Written by deploy/cluster on each start; changes are lost.
                global
                    maxconn 4096

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # a timeline followed live (text/event-stream) stays open
                    timeout tunnel 1h
                    # a request that could not reach an instance (no connection made) goes to another;
                    # one that reached it is never sent twice
                    retries 2
                    option redispatch
                    # each instance is probed every second; two failures take it out, one success puts it back
                    default-server inter 1s fall 2 rise 1
                """);
        for (Front front : fronts) {
            text.append("\nfrontend ").append(front.name()).append('\n')
                    .append("    bind :").append(front.port()).append('\n')
                    .append("    default_backend ").append(front.name()).append("-instances\n")
                    .append("\nbackend ").append(front.name()).append("-instances\n")
                    .append("    balance roundrobin\n")
                    .append("    option httpchk GET ").append(READINESS).append('\n')
                    .append("    http-check expect status 200\n");
            for (int i = 0; i < front.instancePorts().size(); i++) {
                text.append("    server ").append(front.name()).append('-').append(i + 1)
                        .append(" 127.0.0.1:").append(front.instancePorts().get(i)).append(" check\n");
            }
        }
        return text.toString();
    }

    /** Writes the configuration, has HAProxy check it, and starts it in the foreground as a child. */
    static Haproxy start(Path dataDir, List<Front> fronts) throws IOException, InterruptedException {
        Path config = dataDir.resolve("haproxy.cfg");
        Files.writeString(config, configuration(fronts), StandardCharsets.UTF_8);
        Haproxy haproxy = new Haproxy(config, dataDir.resolve("logs").resolve("haproxy.log"));
        Process check = new ProcessBuilder(executable(), "-c", "-q", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(haproxy.log.toFile())).start();
        if (check.waitFor() != 0) {
            throw new IllegalStateException("HAProxy refused its configuration " + config + "; see " + haproxy.log);
        }
        haproxy.startProcess();
        return haproxy;
    }

    /** Starts it again, as before, after it died. */
    void restart() throws IOException, InterruptedException {
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(executable(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("HAProxy exited at once with status " + process.exitValue()
                    + " (is a front port taken?); see " + log);
        }
    }

    Process process() {
        return process;
    }

    Path config() {
        return config;
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** HAProxy from the PATH, or where Debian's package puts it (sbin is not on every user's PATH). */
    private static String executable() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "haproxy"))) {
                return Path.of(dir, "haproxy").toString();
            }
        }
        throw new IllegalStateException("HAProxy is not installed; deploy/prerequisites installs it");
    }
}
