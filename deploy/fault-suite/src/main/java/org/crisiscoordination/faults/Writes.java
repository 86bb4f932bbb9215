package org.crisiscoordination.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/** Sends the suite's commands to the command service, each try with the command's own key. */
final class Writes {

    /** Far above the ~2 s in which an outage is answered: a try that takes this long is a hang. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String api;
    private final String authorization;

    /** @param token a bearer token with the right to raise crises and record involvements */
    Writes(String commandUrl, String token) {
        this.api = commandUrl + "/api";
        this.authorization = "Bearer " + token;
    }

    /** One try: recorded in the command, and returned. */
    Attempt send(Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + command.path()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header("X-Correlation-Id", command.key())
                .header("Idempotency-Key", command.key())
                .POST(HttpRequest.BodyPublishers.ofString(command.body()))
                .build();
        Instant sent = Instant.now();
        long start = System.nanoTime();
        Attempt attempt;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            attempt = new Attempt(sent, Duration.ofNanos(System.nanoTime() - start), response.statusCode(), null,
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false),
                    response.statusCode() >= 300 ? truncated(response.body()) : null);
        } catch (HttpTimeoutException e) {
            attempt = failed(sent, start, "timed out");
        } catch (IOException e) {
            attempt = failed(sent, start, e instanceof java.net.ConnectException ? "refused" : "connection lost");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = failed(sent, start, "interrupted");
        }
        command.attempts().add(attempt);
        return attempt;
    }

    private static Attempt failed(Instant sent, long start, String why) {
        return new Attempt(sent, Duration.ofNanos(System.nanoTime() - start), Attempt.NO_ANSWER, why, null, null, false, null);
    }

    private static String truncated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300);
    }
}
