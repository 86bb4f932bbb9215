package org.crisiscoordination.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.kernel.validation.TextContent;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.HostileInput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestContextManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at scale: generated bodies (wrong types, huge numbers, deep nesting, odd unicode,
 * missing and extra fields, text that is not JSON), path values and printable header values
 * thrown at every write endpoint of the running service over real PostgreSQL. Whatever comes,
 * the answer is never a 5xx nor HTML, every refusal is problem+json and appends nothing, and
 * whatever is accepted holds only text the kernel allows.
 *
 * <p>jqwik runs it; Spring's test context (the one the other tests share) is prepared by hand.
 */
class HostileWritesIT extends CommandServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A write endpoint: its path, with {@code {crisisId}}-style placeholders, and a valid body. */
    record Endpoint(String path, String validBody) {
    }

    /** One generated request: the endpoint, its path values (null: the real id), body and headers. */
    record Attempt(Endpoint endpoint, List<String> pathValues, String body, Map<String, String> headers) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/crises", Crises.RAISE),
            new Endpoint("/api/crises/{crisisId}/escalations", Crises.severity(4)),
            new Endpoint("/api/crises/{crisisId}/de-escalations", Crises.severity(2)),
            new Endpoint("/api/crises/{crisisId}/referrals", Crises.referral("ASEAN")),
            new Endpoint("/api/crises/{crisisId}/referrals/{referralId}/acceptance", "{}"),
            new Endpoint("/api/crises/{crisisId}/referrals/{referralId}/decline", Crises.DECLINE),
            new Endpoint("/api/crises/{crisisId}/referrals/{referralId}/outcome", Crises.OUTCOME),
            new Endpoint("/api/crises/{crisisId}/minilateral-involvements", Crises.involvement("QUAD")),
            new Endpoint("/api/crises/{crisisId}/resolution", Crises.RESOLUTION),
            new Endpoint("/api/channels", Channels.convene("{crisisId}", "US", "CN", "ASEAN")),
            new Endpoint("/api/channels/{channelId}/acknowledgements", Channels.participant("US")),
            new Endpoint("/api/channels/{channelId}/statements", Channels.statement("US", "We call for restraint")),
            new Endpoint("/api/channels/{channelId}/joint-statements", Channels.proposal("US", "A hotline stays open")),
            new Endpoint("/api/channels/{channelId}/joint-statements/{proposalId}/endorsements",
                    Channels.participant("CN")),
            new Endpoint("/api/channels/{channelId}/closure", Channels.closure("NO_CONSENSUS", "no agreement")),
            new Endpoint("/api/mechanism/topics", "{\"topic\":\"MARITIME_SECURITY\"}"),
            new Endpoint("/api/mechanism/members", "{\"state\":\"PH\"}"),
            new Endpoint("/api/mechanism/pledges", "{\"party\":\"CN\"}"));

    @LocalServerPort
    private int port;

    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeProperty
    void runningServiceWithACrisisAChannelAReferralAndAProposal() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        api = new Api("http://localhost:" + port);
        String crisisId = Crises.raise(api);
        String channelId = Channels.convene(api, crisisId, "US", "CN", "ASEAN");
        ids.put("{crisisId}", crisisId);
        ids.put("{referralId}", Crises.refer(api, crisisId, "ASEAN"));
        ids.put("{channelId}", channelId);
        ids.put("{proposalId}", Channels.propose(api, channelId, "US"));
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void noWriteAnswersA5xxOrHtmlAndNoRefusedOneAppends(@ForAll("attempts") Attempt attempt) {
        long lastBefore = lastPosition();
        long countBefore = eventCount();

        Api.Request request = api.post(pathOf(attempt), bodyOf(attempt));
        attempt.headers().forEach(request::header);
        Api.Answer answer = request.send();

        String body = answer.raw().body();
        String described = attempt + " -> " + answer.status() + " " + body;
        assertThat(answer.status()).as(described).isLessThan(500);
        assertThat(body).as(described).doesNotContainIgnoringCase("<html");
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as(described).startsWith("application/problem+json");
            assertThat(answer.json()).as(described).isNotNull();
            assertThat(eventCount()).as("events appended by " + described).isEqualTo(countBefore);
        } else {
            assertThat(storedTextFlaws(lastBefore)).as("stored by " + described).isEmpty();
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> {
            int placeholders = endpoint.path().split("\\{", -1).length - 1;
            Arbitrary<String> pathValue = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                    net.jqwik.api.Tuple.of(1, HostileInput.pathSegments(List.of())));
            return Combinators.combine(pathValue.list().ofSize(placeholders),
                    HostileInput.bodies((ObjectNode) parse(endpoint.validBody())), headers())
                    .as((values, body, headers) -> new Attempt(endpoint, values, body, headers));
        });
    }

    private static Arbitrary<Map<String, String>> headers() {
        Arbitrary<Optional<String>> value = HostileInput.printableHeaderValues().optional(0.2);
        Arbitrary<Optional<String>> ifMatch = Arbitraries.oneOf(HostileInput.printableHeaderValues(),
                Arbitraries.of("\"0\"", "\"1\"", "\"99999999999999999999\"", "\"-1\"", "*", "W/\"1\"")).optional(0.3);
        return Combinators.combine(value, value, ifMatch).as((correlation, key, match) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            correlation.ifPresent(v -> headers.put("X-Correlation-Id", v));
            key.ifPresent(v -> headers.put("Idempotency-Key", v));
            match.ifPresent(v -> headers.put("If-Match", v));
            return headers;
        });
    }

    private String pathOf(Attempt attempt) {
        String path = attempt.endpoint().path();
        int index = 0;
        for (String placeholder : ids.keySet()) {
            while (path.contains(placeholder)) {
                String value = attempt.pathValues().get(index++);
                path = path.replaceFirst(java.util.regex.Pattern.quote(placeholder),
                        java.util.regex.Matcher.quoteReplacement(value == null ? ids.get(placeholder) : value));
            }
        }
        return path;
    }

    private String bodyOf(Attempt attempt) {
        String body = attempt.body();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            body = body.replace(id.getKey(), id.getValue());
        }
        return body;
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry",
                Long.class);
        return last == null ? 0 : last;
    }

    /** Every string in the payloads and metadata stored after {@code position} that the kernel would refuse. */
    private List<String> storedTextFlaws(long position) {
        List<String> flaws = new ArrayList<>();
        jdbc.query("select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta"
                        + " from event_store.domain_event_entry where global_index > ?",
                row -> {
                    collectFlaws(parse(row.getString("payload")), flaws);
                    collectFlaws(parse(row.getString("meta")), flaws);
                }, position);
        return flaws;
    }

    private static void collectFlaws(JsonNode node, List<String> flaws) {
        if (node.isTextual()) {
            TextContent.flaw(node.asText()).ifPresent(flaws::add);
        }
        node.fieldNames().forEachRemaining(name -> TextContent.flaw(name).ifPresent(flaws::add));
        node.elements().forEachRemaining(child -> collectFlaws(child, flaws));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
