package org.crisiscoordination.cluster;

import org.crisiscoordination.testsupport.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One query service from its jar, alone on the cluster's database once the cluster has stopped,
 * trusting the cluster's token key: with no other instance holding segments it may replay every
 * projection from the first event.
 */
final class FreshQueryService implements AutoCloseable {

    private final Process process;
    private final int port;

    private FreshQueryService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static FreshQueryService start(TestDatabase.Database database, Path dataDir) throws IOException {
        int port = RunningCluster.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-jar", System.getProperty("crisis.query-service.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("logs").resolve("fresh-query-service.log").toFile()));
        builder.environment().put("CRISIS_DATABASE_URL", database.url());
        builder.environment().put("CRISIS_DATABASE_USER", database.user());
        builder.environment().put("CRISIS_DATABASE_PASSWORD", database.password() == null ? "" : database.password());
        builder.environment().put("CRISIS_QUERY_PORT", Integer.toString(port));
        builder.environment().put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                "file:" + dataDir.resolve("keys").resolve("token-public-key.pem"));
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        FreshQueryService service = new FreshQueryService(builder.start(), port);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> !service.process.isAlive() || Http.get(service.url() + "/actuator/health/readiness", null).status() == 200);
        if (!service.process.isAlive()) {
            throw new IllegalStateException("the fresh query service exited; see its log in " + dataDir.resolve("logs"));
        }
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
