package org.crisiscoordination.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * How long after a write's answer the query service shows it: one client raises a crisis, then
 * escalates it, and after each answer polls the crisis on the board (every millisecond) until its
 * ETag carries the version the answer named.
 */
final class Visibility {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    /** @param failures samples that were not visible within 10 s, or whose write failed */
    record Result(Latencies latencies, long failures) {
    }

    private final HttpClient http;
    private final CommandMix writer;
    private final String queryUrl;

    private final String authorization;

    Visibility(HttpClient http, CommandMix writer, String queryUrl, String authorization) {
        this.http = http;
        this.writer = writer;
        this.queryUrl = queryUrl;
        this.authorization = authorization;
    }

    /** Takes samples one after another until there are that many or the time is up. */
    Result sample(int samples, Duration atMost) throws InterruptedException {
        Latencies.Recorder recorder = new Latencies.Recorder();
        long failures = 0;
        long deadline = System.nanoTime() + atMost.toNanos();
        int taken = 0;
        CommandMix.Crisis crisis = null;
        while (taken < samples && System.nanoTime() < deadline) {
            try {
                long version;
                String id;
                if (crisis == null) {
                    crisis = new CommandMix.Crisis(UUID.randomUUID().toString(), 2);
                    id = crisis.id;
                    version = writer.raise(crisis);
                } else {
                    id = crisis.id;
                    crisis = null; // escalated once, then a new one: inserts and updates alike
                    version = writer.changeSeverity(new CommandMix.Crisis(id, 2));
                }
                long answered = System.nanoTime();
                if (awaitVisible(id, version)) {
                    recorder.record(System.nanoTime() - answered);
                } else {
                    failures++;
                }
            } catch (IOException e) {
                failures++;
                crisis = null;
            }
            taken++;
        }
        return new Result(new Latencies(List.of(recorder.values())), failures);
    }

    private boolean awaitVisible(String crisisId, long version) throws IOException, InterruptedException {
        HttpRequest read = HttpRequest.newBuilder(URI.create(queryUrl + "/api/crises/" + crisisId))
                .header("Authorization", authorization).timeout(GIVE_UP).GET().build();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<Void> answer = http.send(read, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                String etag = answer.headers().firstValue("ETag").orElse("\"-1\"").replace("\"", "");
                if (Long.parseLong(etag) >= version) {
                    return true;
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return false;
    }
}
