package org.crisiscoordination.query.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.HostileInput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestContextManager;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at scale on the read side: generated path values and query parameters (odd
 * unicode, control characters, bytes that are not UTF-8, numbers no Java type holds) at every read
 * endpoint of the running service over real PostgreSQL, and at the replay endpoint. Whatever comes,
 * the answer is never a 5xx nor HTML, and every refusal is problem+json.
 *
 * <p>jqwik runs it; Spring's test context (the one the other tests share) is prepared by hand.
 */
class HostileReadsIT extends QueryServiceIT {

    /** A read endpoint: its path with {@code {crisisId}}-style placeholders, its parameters and what it produces. */
    record Endpoint(String method, String path, List<String> parameters, String accept) {
    }

    /** One generated request: the endpoint, its path values (null: the real id), parameters and headers. */
    record Attempt(Endpoint endpoint, List<String> pathValues, Map<String, String> parameters,
                   Optional<String> correlationId) {
    }

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/crises", List.of("status", "minSeverity", "topic", "organization", "state", "page",
                    "size"), JSON),
            new Endpoint("GET", "/api/crises/{crisisId}", List.of(), JSON),
            new Endpoint("GET", "/api/crises/{crisisId}/timeline", List.of(), JSON),
            new Endpoint("GET", "/api/crises/{crisisId}/timeline", List.of(), NDJSON),
            new Endpoint("GET", "/api/channels/{channelId}", List.of(), JSON),
            new Endpoint("GET", "/api/channels/{channelId}/timeline", List.of(), JSON),
            new Endpoint("GET", "/api/channels/{channelId}/timeline", List.of(), NDJSON),
            new Endpoint("GET", "/api/audit", List.of("after", "limit"), JSON),
            new Endpoint("GET", "/api/audit/verify", List.of("aggregateId"), JSON),
            new Endpoint("GET", "/api/metrics/coordination", List.of(), JSON),
            new Endpoint("GET", "/api/hotspots", List.of("hotspot", "topic", "organization", "minSeverity", "page",
                    "size"), JSON),
            new Endpoint("GET", "/api/projections/{listed}/dead-letters", List.of("page", "size"), JSON),
            new Endpoint("GET", "/api/projections", List.of(), JSON),
            // never a real projection's name: a replay would restart the shared service's read model
            new Endpoint("POST", "/api/projections/{projection}/replay", List.of(), JSON),
            new Endpoint("POST", "/api/projections/{projection}/dead-letters/retry", List.of(), JSON),
            new Endpoint("POST", "/api/projections/{projection}/dead-letters/{sequence}/retry", List.of(), JSON));

    /** Values the parameters know, so that valid and half-valid combinations are tried as well. */
    private static final List<String> KNOWN = List.of("OPEN", "RESOLVED", "3", "0", "1", "20", "MARITIME_SECURITY",
            "ASEAN", "PH", "CN");

    @LocalServerPort
    private int port;

    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeProperty
    void runningServiceWithACrisisAndItsChannel() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        api = new Api("http://localhost:" + port);
        History history = new History(new EventAppender(jdbc));
        CrisisId crisis = history.raise(SecurityTopic.MARITIME_SECURITY, Instant.now(), "PH", "CN");
        ChannelId channel = history.convene(crisis, Instant.now(), Duration.ofDays(1), MajorPower.US, MajorPower.CN,
                MajorPower.ASEAN);
        ids.put("{crisisId}", crisis.toString());
        ids.put("{channelId}", channel.toString());
        ids.put("{projection}", "no-such-projection");
        ids.put("{listed}", "crisis-board"); // listing dead letters only reads
        ids.put("{sequence}", crisis.toString());
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void noReadAnswersA5xxOrHtml(@ForAll("attempts") Attempt attempt) {
        Api.Request request = "GET".equals(attempt.endpoint().method()) ? api.get(pathOf(attempt))
                : api.post(pathOf(attempt), "{}");
        request.header("Accept", attempt.endpoint().accept());
        attempt.correlationId().ifPresent(id -> request.header("X-Correlation-Id", id));
        Api.Answer answer = request.send();

        String body = answer.raw().body();
        String described = attempt + " -> " + answer.status() + " " + body;
        assertThat(answer.status()).as(described).isLessThan(500);
        assertThat(body).as(described).doesNotContainIgnoringCase("<html");
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as(described).startsWith("application/problem+json");
            assertThat(answer.json()).as(described).isNotNull();
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> {
            int placeholders = endpoint.path().split("\\{", -1).length - 1;
            Arbitrary<String> pathValue = Arbitraries.frequencyOf(
                    Tuple.of(endpoint.method().equals("POST") ? 0 : 2, Arbitraries.just((String) null)),
                    Tuple.of(1, HostileInput.pathSegments(List.of()).filter(name -> !name.matches("[a-z-]+"))));
            Arbitrary<Map<String, String>> parameters = endpoint.parameters().isEmpty()
                    ? Arbitraries.just(Map.of())
                    : Arbitraries.subsetOf(endpoint.parameters()).flatMap(names -> Combinators.combine(
                            names.stream().map(name -> HostileInput.queryValues(KNOWN)
                                    .map(value -> Map.entry(name, value))).toList())
                            .as(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey,
                                    Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
            return Combinators.combine(pathValue.list().ofSize(placeholders), parameters,
                            HostileInput.printableHeaderValues().optional(0.2))
                    .as((values, query, correlationId) -> new Attempt(endpoint, values, query, correlationId));
        });
    }

    private String pathOf(Attempt attempt) {
        String path = attempt.endpoint().path();
        int index = 0;
        for (String placeholder : ids.keySet()) {
            if (path.contains(placeholder)) {
                String value = attempt.pathValues().get(index++);
                path = path.replace(placeholder, value == null ? ids.get(placeholder) : value);
            }
        }
        String query = attempt.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}
