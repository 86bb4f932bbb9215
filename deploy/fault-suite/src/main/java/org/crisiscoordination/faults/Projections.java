package org.crisiscoordination.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The query service's projections as an operator sees them: {@code GET /api/projections} and replays. */
final class Projections {

    static final List<String> ALL = List.of("crisis-board", "channel-view", "security-mechanism", "hotspot-heat-map");

    /** One projection's status, as the query service reports it. */
    record Status(String name, String status, long position, long lag, boolean replaying, double progress,
                  long deadLetters) {

        boolean caughtUp() {
            return "RUNNING".equals(status) && lag == 0 && !replaying;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String api;
    private final String authorization;

    /** @param token a bearer token with the right to read and replay projections */
    Projections(String queryUrl, String token) {
        this.api = queryUrl + "/api/projections";
        this.authorization = "Bearer " + token;
    }

    /** Every projection's status, or an empty list when the query service does not answer 200. */
    List<Status> all() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return List.of();
            }
            List<Status> statuses = new ArrayList<>();
            for (JsonNode item : json.readTree(answer.body()).path("items")) {
                statuses.add(new Status(item.path("name").asText(), item.path("status").asText(),
                        item.path("position").asLong(), item.path("lag").asLong(), item.path("replaying").asBoolean(),
                        item.path("progress").asDouble(), item.path("deadLetters").asLong()));
            }
            return statuses;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    Status of(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** {@code POST /api/projections/{name}/replay}; the status it was answered. */
    int replay(String name) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(api + "/" + name + "/replay"))
                    .timeout(Duration.ofMinutes(1)).header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return Attempt.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.NO_ANSWER;
        }
    }

    /**
     * Waits until every projection runs at the head of the store, not replaying, no lag.
     *
     * @return their statuses then, or null if that took longer than {@code limit}
     */
    List<Status> awaitCaughtUp(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            List<Status> statuses = all();
            if (statuses.size() == ALL.size() && statuses.stream().allMatch(Status::caughtUp)) {
                return statuses;
            }
            FaultDatabase.pause(Duration.ofMillis(100));
        }
        return null;
    }
}
