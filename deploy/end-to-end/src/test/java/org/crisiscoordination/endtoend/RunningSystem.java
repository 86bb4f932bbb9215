package org.crisiscoordination.endtoend;

import org.crisiscoordination.testsupport.TestDatabase;
import org.crisiscoordination.testsupport.TestTokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Both services as real processes, built jars and all, against one PostgreSQL: what a deployment
 * runs, not a test double of it.
 */
final class RunningSystem implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    final String commandUrl;
    final String queryUrl;
    private Map<String, String> commandEnvironment;
    private Map<String, String> database;

    private RunningSystem(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** Both services, trusting the tests' tokens ({@link TestTokens}). */
    static RunningSystem start(TestDatabase.Database database) throws IOException {
        return start(database, TestTokens.publicKeyLocation());
    }

    /** Both services, trusting the tokens the public key at {@code publicKeyLocation} verifies. */
    static RunningSystem start(TestDatabase.Database database, String publicKeyLocation) throws IOException {
        int commandPort = freePort();
        int queryPort = freePort();
        RunningSystem system = new RunningSystem("http://localhost:" + commandPort, "http://localhost:" + queryPort);
        Map<String, String> db = Map.of("CRISIS_DATABASE_URL", database.url(), "CRISIS_DATABASE_USER", database.user(),
                "CRISIS_DATABASE_PASSWORD", database.password() == null ? "" : database.password(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", publicKeyLocation);
        system.database = db;
        system.commandEnvironment = Map.of("CRISIS_COMMAND_PORT", Integer.toString(commandPort),
                "CRISIS_QUERY_SERVICE_URL", system.queryUrl);
        // the command service owns the event store's schema: the query service starts once it exists
        system.launch("command-service", system.commandEnvironment, db);
        system.awaitHealthy(system.commandUrl);
        system.launch("query-service", Map.of("CRISIS_QUERY_PORT", Integer.toString(queryPort)), db);
        system.awaitHealthy(system.queryUrl);
        return system;
    }

    /** Stops the command service as a deployment would (SIGTERM), then starts it again. */
    void restartCommandService() throws IOException, InterruptedException {
        stopCommandService();
        startCommandService();
    }

    void stopCommandService() throws InterruptedException {
        stop(processes.remove(0));
    }

    void startCommandService() throws IOException {
        launch("command-service", commandEnvironment, database);
        processes.add(0, processes.remove(processes.size() - 1));
        awaitHealthy(commandUrl);
    }

    private void launch(String service, Map<String, String> environment, Map<String, String> database)
            throws IOException {
        Path jar = Path.of(System.getProperty("crisis." + service + ".jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through mvn verify, which builds it");
        }
        Path logs = Files.createDirectories(Path.of("target", "end-to-end-logs"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(database);
        processes.add(builder.start());
    }

    private void awaitHealthy(String url) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a service exited; see target/end-to-end-logs");
            }
            return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i));
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
