package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Timelines as NDJSON, and followed live as Server-Sent Events. */
class TimelineStreamsIT extends QueryServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void streamsATimelineAsOneJsonEntryPerLine() throws Exception {
        CrisisId crisis = raisedAndEscalated();

        HttpResponse<String> answer = get("/api/crises/" + crisis + "/timeline", "application/x-ndjson");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = answer.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("eventType").asText()).isEqualTo("RegionalCrisisRaised");
        assertThat(JSON.readTree(lines.get(1)).get("eventType").asText()).isEqualTo("CrisisEscalated");
        assertThat(JSON.readTree(lines.get(1)).get("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void followsATimelineLiveFromItsStartAndThenAsEntriesAreAppended() {
        CrisisId crisis = raisedAndEscalated();
        Queue<String> received = new ConcurrentLinkedQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = follow("/api/crises/" + crisis + "/timeline", null, received);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> dataLines(received).size() == 2);

            new EventAppender(jdbc).notifying().append("Crisis", crisis.toString(),
                    new CrisisEscalated(crisis, Severity.of(3), Severity.of(4), "Shots fired"));

            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(dataLines(received)).hasSize(3));
            assertThat(dataLines(received).get(2)).contains("\"sequence\":2", "\"eventType\":\"CrisisEscalated\"");
            assertThat(received).anyMatch(line -> line.equals("event:audit-entry"));
        } finally {
            hangUp(stream);
        }
    }

    @Test
    void resumesAfterTheLastEventIdItIsGiven() throws Exception {
        CrisisId crisis = raisedAndEscalated();
        long firstPosition = JSON.readTree(get("/api/crises/" + crisis + "/timeline", "application/x-ndjson").body()
                .lines().findFirst().orElseThrow()).get("position").asLong();
        Queue<String> received = new ConcurrentLinkedQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
                follow("/api/crises/" + crisis + "/timeline", Long.toString(firstPosition), received);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !dataLines(received).isEmpty());
            assertThat(dataLines(received).get(0)).contains("\"eventType\":\"CrisisEscalated\"");
            assertThat(received).anyMatch(line -> line.startsWith("id:") && Long.parseLong(line.substring(3)) > firstPosition);
        } finally {
            hangUp(stream);
        }
    }

    @Test
    void answersAProblemForAnUnknownCrisisOrAMalformedLastEventIdInEveryFormat() throws Exception {
        String unknown = "/api/crises/" + CrisisId.random() + "/timeline";
        for (String accept : List.of("application/x-ndjson", "text/event-stream")) {
            HttpResponse<String> answer = get(unknown, accept);
            assertThat(answer.statusCode()).as(accept).isEqualTo(404);
            assertThat(answer.body()).contains("urn:crisis-coordination:problem:not-found");
        }
        CrisisId crisis = raisedAndEscalated();
        HttpResponse<String> malformed = http.send(asAuditor(uri("/api/crises/" + crisis + "/timeline"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "not-a-position").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Last-Event-ID");
    }

    private CrisisId raisedAndEscalated() {
        CrisisId crisis = CrisisId.random();
        EventAppender appender = new EventAppender(jdbc);
        appender.append("Crisis", crisis.toString(), new RegionalCrisisRaised(crisis, "Cholera outbreak",
                "Rakhine", SecurityTopic.PUBLIC_HEALTH, Severity.of(2), List.of(StateCode.of("MM")), "Camps affected"));
        appender.append("Crisis", crisis.toString(),
                new CrisisEscalated(crisis, Severity.of(2), Severity.of(3), "Spreading across the border"));
        return crisis;
    }

    private CompletableFuture<HttpResponse<Stream<String>>> follow(String path, String lastEventId, Queue<String> into) {
        HttpRequest.Builder request = asAuditor(uri(path)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    CompletableFuture.runAsync(() -> response.body().forEach(into::add));
                    return response;
                });
    }

    private static void hangUp(CompletableFuture<HttpResponse<Stream<String>>> stream) {
        stream.thenAccept(response -> response.body().close());
        stream.cancel(true);
    }

    private static List<String> dataLines(Queue<String> lines) {
        return lines.stream().filter(line -> line.startsWith("data:")).toList();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(asAuditor(uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request of the auditor, whose right timelines are. */
    private static HttpRequest.Builder asAuditor(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", TestCaller.auditor().bearer());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
