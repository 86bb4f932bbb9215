package org.crisiscoordination.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A crisis-board replay as an operator runs it: {@code POST /api/projections/crisis-board/replay},
 * then {@code GET /api/projections} every 20 ms until the board has left replay mode at the head
 * of the store.
 */
final class Replay {

    private static final String PROJECTION = "crisis-board";
    private static final Duration GIVE_UP = Duration.ofMinutes(30);

    /** @param events the events in the store, all of which the replay handled */
    record Result(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }

        double microsecondsPerEvent() {
            return seconds * 1e6 / events;
        }
    }

    private static final Duration RETIRED_SET_EMPTIED = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String queryUrl;
    private final ObjectMapper json = new ObjectMapper();

    private final String authorization;

    Replay(HttpClient http, String queryUrl, String authorization) {
        this.http = http;
        this.queryUrl = queryUrl;
        this.authorization = authorization;
    }

    Result run(long events, long head) throws IOException, InterruptedException {
        HttpRequest replay = HttpRequest.newBuilder(URI.create(queryUrl + "/api/projections/" + PROJECTION + "/replay"))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpRequest progress = HttpRequest.newBuilder(URI.create(queryUrl + "/api/projections"))
                .header("Authorization", authorization).GET().build();
        long start = requestAccepted(replay);
        long deadline = start + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = boardStatus(http.send(progress, HttpResponse.BodyHandlers.ofString()).body());
            if (status != null && !status.path("replaying").asBoolean(true) && status.path("position").asLong() >= head) {
                return new Result(events, (System.nanoTime() - start) / 1e9);
            }
            if (status != null && "ERROR".equals(status.path("status").asText())) {
                throw new IllegalStateException("the replay failed: " + status);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("the replay of " + events + " events did not finish within " + GIVE_UP);
    }

    /**
     * Asks for the replay and answers when it was accepted. The table set the previous replay
     * switched away from is emptied for a few seconds after it, and a replay asked for meanwhile
     * is refused with 409: it is asked again until then.
     */
    private long requestAccepted(HttpRequest replay) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RETIRED_SET_EMPTIED.toNanos();
        while (true) {
            long asked = System.nanoTime();
            HttpResponse<String> answer = http.send(replay, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202) {
                return asked;
            }
            if (answer.statusCode() != 409 || System.nanoTime() > deadline) {
                throw new IllegalStateException("replay refused: " + answer.statusCode() + " " + answer.body());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private JsonNode boardStatus(String body) throws IOException {
        for (JsonNode item : json.readTree(body).path("items")) {
            if (PROJECTION.equals(item.path("name").asText())) {
                return item;
            }
        }
        return null;
    }
}
