package org.crisiscoordination.query;

import org.crisiscoordination.testsupport.DocumentedAnswers;
import org.crisiscoordination.testsupport.TestCaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.query.support.LogSigner;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.support.CaughtUp;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of /v3/api-docs and holds the server to what it documents: each answer's
 * status is a documented one, in the documented content type, with the documented response
 * headers and no undocumented ones of those a client acts on (ETag, Location, Retry-After); a
 * JSON body is null only where its schema says nullable; the consistency token's 400 and 503 and
 * unknown or malformed ids are documented answers. A new read without a sample fails the walk.
 */
class OpenApiConformanceIT extends QueryServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Response headers a client acts on: present only where documented. */
    private static final List<String> MEANINGFUL_HEADERS = List.of("ETag", "Location", "Retry-After");
    private static final String REPLAYED = "security-mechanism";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private ProjectionProgress progress;

    private JsonNode document;
    private CrisisId crisis;
    private ChannelId channel;
    private long loggedPosition;
    private long treeSize;

    /** A request: its method and path with real ids and parameters. */
    private record Sample(String method, String path) {
    }

    private record Answer(int status, HttpResponse<InputStream> raw, String body) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    @BeforeEach
    void aCrisisWithAChannelOnTheBoard() {
        Answer docs = send("GET", "/v3/api-docs", "application/json", Map.of());
        assertThat(docs.status()).isEqualTo(200);
        document = read(docs.body());
        History history = new History(new EventAppender(jdbc).notifying());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        crisis = history.raise(SecurityTopic.MARITIME_SECURITY, now, "PH", "CN");
        channel = history.convene(crisis, now, Duration.ofHours(48), MajorPower.CN, MajorPower.US);
        CaughtUp.await(progress, jdbc);
        new LogSigner(jdbc).sign();
        loggedPosition = jdbc.queryForObject("select max(global_index) from event_store.merkle_leaf", Long.class);
        treeSize = jdbc.queryForObject("select count(*) from event_store.merkle_leaf", Long.class);
    }

    private Map<String, Sample> samples() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        samples.put("GET /api/crises", new Sample("GET", "/api/crises?minSeverity=1&page=0&size=5"));
        samples.put("GET /api/crises/{crisisId}", new Sample("GET", "/api/crises/" + crisis));
        samples.put("GET /api/crises/{crisisId}/timeline", new Sample("GET", "/api/crises/" + crisis + "/timeline"));
        samples.put("GET /api/crises/{crisisId}/export", new Sample("GET", "/api/crises/" + crisis + "/export"));
        samples.put("GET /api/channels/{channelId}", new Sample("GET", "/api/channels/" + channel));
        samples.put("GET /api/channels/{channelId}/timeline", new Sample("GET", "/api/channels/" + channel + "/timeline"));
        samples.put("GET /api/metrics/coordination", new Sample("GET", "/api/metrics/coordination"));
        samples.put("GET /api/hotspots", new Sample("GET", "/api/hotspots?topic=MARITIME_SECURITY&minSeverity=1&page=0&size=5"));
        samples.put("GET /api/audit", new Sample("GET", "/api/audit?after=0&limit=5"));
        samples.put("GET /api/audit/verify", new Sample("GET", "/api/audit/verify?aggregateId=" + crisis));
        samples.put("GET /api/audit/checkpoints", new Sample("GET", "/api/audit/checkpoints?page=0&size=2"));
        samples.put("GET /api/audit/keys", new Sample("GET", "/api/audit/keys"));
        samples.put("GET /api/audit/proofs/inclusion", new Sample("GET",
                "/api/audit/proofs/inclusion?position=" + loggedPosition + "&treeSize=" + treeSize));
        samples.put("GET /api/audit/proofs/consistency", new Sample("GET",
                "/api/audit/proofs/consistency?from=1&to=" + treeSize));
        samples.put("GET /api/projections", new Sample("GET", "/api/projections"));
        samples.put("POST /api/projections/{name}/replay", new Sample("POST", "/api/projections/" + REPLAYED + "/replay"));
        samples.put("GET /api/projections/{name}/dead-letters", new Sample("GET",
                "/api/projections/crisis-board/dead-letters?page=0&size=5"));
        samples.put("POST /api/projections/{name}/dead-letters/retry", new Sample("POST",
                "/api/projections/" + REPLAYED + "/dead-letters/retry"));
        samples.put("POST /api/projections/{name}/dead-letters/{sequence}/retry", new Sample("POST",
                "/api/projections/" + REPLAYED + "/dead-letters/" + crisis + "/retry"));
        samples.put("DELETE /api/projections/{name}/dead-letters/{sequence}", new Sample("DELETE",
                "/api/projections/" + REPLAYED + "/dead-letters/" + crisis));
        return samples;
    }

    @Test
    void everyDocumentedOperationHasASampleAndEverySampleADocumentedOperation() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(samples().keySet());
    }

    @Test
    void aValidRequestAnswersTheDocumentedSuccessInEachDocumentedContentType() {
        operations().forEach((operation, doc) -> {
            List<Integer> successes = successes(doc);
            assertThat(successes).as(operation).hasSize(1);
            JsonNode success = doc.path("responses").path(String.valueOf(successes.get(0)));
            List<String> types = fieldNames(success.path("content"));
            for (String type : types.isEmpty() ? List.of("*/*") : types) {
                Answer answer = send(samples().get(operation), type, Map.of());
                assertThat(answer.status()).as("%s as %s: %s", operation, type, answer.body()).isEqualTo(successes.get(0));
                assertDocumented(operation, doc, answer);
                if (operation.startsWith("POST /api/projections/")) {
                    CaughtUp.await(progress, jdbc);
                }
            }
        });
    }

    @Test
    void unknownIdsInThePathAreADocumentedProblem() {
        operations().forEach((operation, doc) -> {
            String template = template(operation);
            if (!PATH_VARIABLE.matcher(template).find()) {
                return;
            }
            String unknown = PATH_VARIABLE.matcher(template).replaceAll(match -> UUID.randomUUID().toString());
            Answer answer = send(new Sample(method(operation), unknown), "application/json", Map.of());
            assertThat(answer.status()).as("%s: %s", operation, answer.body()).isEqualTo(404);
            assertDocumented(operation, doc, answer);
        });
    }

    @Test
    void malformedIdsInThePathAreADocumentedProblem() {
        operations().forEach((operation, doc) -> {
            String template = template(operation);
            if (!PATH_VARIABLE.matcher(template).results().anyMatch(m -> m.group(1).endsWith("Id"))) {
                return;
            }
            String malformed = PATH_VARIABLE.matcher(template).replaceAll("not-an-id");
            Answer answer = send(new Sample(method(operation), malformed), "application/json", Map.of());
            assertThat(answer.status()).as("%s: %s", operation, answer.body()).isEqualTo(400);
            assertDocumented(operation, doc, answer);
        });
    }

    @Test
    void aMissingRequiredParameterIsADocumentedProblem() {
        operations().forEach((operation, doc) -> {
            for (JsonNode parameter : doc.path("parameters")) {
                if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                    Sample sample = samples().get(operation);
                    Answer answer = send(new Sample(sample.method(), template(operation)), "application/json", Map.of());
                    assertThat(answer.status()).as("%s without %s", operation, parameter.path("name")).isEqualTo(400);
                    assertDocumented(operation, doc, answer);
                }
            }
        });
    }

    @Test
    void theConsistencyTokenIsReadWhereItIsDocumentedAndItsProblemsAreDocumented() {
        long ahead = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class)
                + 1_000_000;
        List<String> gated = new ArrayList<>();
        operations().forEach((operation, doc) -> {
            if (!headerNames(doc).contains("X-Consistency-Token")) {
                return;
            }
            gated.add(operation);
            Answer malformed = send(samples().get(operation), "application/json",
                    Map.of("X-Consistency-Token", "not-a-token"));
            assertThat(malformed.status()).as(operation).isEqualTo(400);
            assertDocumented(operation, doc, malformed);

            Answer notYet = send(samples().get(operation), "application/json",
                    Map.of("X-Consistency-Token", new ConsistencyToken(ahead).encode()));
            assertThat(notYet.status()).as(operation).isEqualTo(503);
            assertDocumented(operation, doc, notYet);
        });
        assertThat(gated).contains("GET /api/crises/{crisisId}", "GET /api/channels/{channelId}");
    }

    @Test
    void withoutATokenEachOperationAnswersAsItsDocumentedSecuritySays() {
        samples().forEach((operation, sample) -> {
            JsonNode doc = operations().get(operation);
            boolean open = doc.path("security").isArray() && doc.path("security").isEmpty();

            Answer answer = send(sample.method(), sample.path(), "application/json", Map.of(), null);

            if (open) {
                assertThat(answer.status()).as(operation).isEqualTo(200);
                assertThat(doc.path("responses").has("401")).as(operation).isFalse();
            } else {
                assertThat(answer.status()).as(operation).isEqualTo(401);
                assertThat(doc.path("responses").has("401")).as(operation).isTrue();
            }
        });
        assertThat(operations().get("GET /api/audit/keys").path("security").isArray()).as("keys need no token").isTrue();
    }

    @Test
    void everyOperationDocumentsTheServersOwnFailure() {
        operations().forEach((operation, doc) -> {
            JsonNode failure = doc.path("responses").path("500");
            assertThat(failure.isMissingNode()).as(operation).isFalse();
            assertThat(fieldNames(failure.path("content"))).as(operation).containsExactly("application/problem+json");
        });
    }

    /** The answer is what the document says of it: status, content type, schema (nulls included), headers. */
    private void assertDocumented(String operation, JsonNode doc, Answer answer) {
        assertThat(new DocumentedAnswers(document).violations(operation, doc, answer.status(), answer::header,
                answer.body(), MEANINGFUL_HEADERS)).isEmpty();
    }

    private Answer send(Sample sample, String accept, Map<String, String> headers) {
        return send(sample.method(), sample.path(), accept, headers);
    }

    private Answer send(String method, String path, String accept, Map<String, String> headers) {
        return send(method, path, accept, headers, TestCaller.staff().bearer());
    }

    /** Sends a request (with no token when {@code authorization} is null); an event stream's body is not read. */
    private Answer send(String method, String path, String accept, Map<String, String> headers, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                return new Answer(response.statusCode(), response,
                        stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each operation of the document, as "METHOD /path/{template}". */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        fields(document.path("paths")).forEach((path, item) -> fields(item).forEach((method, operation) ->
                operations.put(method.toUpperCase() + " " + path, operation)));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private static String method(String operation) {
        return operation.substring(0, operation.indexOf(' '));
    }

    private static String template(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }

    private static List<Integer> successes(JsonNode doc) {
        return fieldNames(doc.path("responses")).stream().map(Integer::valueOf).filter(s -> s / 100 == 2).toList();
    }

    private static List<String> headerNames(JsonNode doc) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : doc.path("parameters")) {
            if (parameter.path("in").asText().equals("header")) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(fields(node).keySet());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
