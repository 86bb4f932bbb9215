package org.crisiscoordination.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.ValidChannel;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.DocumentedAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.crisiscoordination.kernel.region.SecurityTopic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of /v3/api-docs and holds the server to what it documents: each answer's
 * status is a documented one, with the documented content type and response headers; the
 * documented request headers are read (a required one refused when missing, Idempotency-Key
 * replayed); {@code If-Match} is honoured where it is documented and only there. A new write
 * without a sample here fails the walk, so the document cannot outgrow the test.
 */
class OpenApiConformanceIT extends CommandServiceIT {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final String STALE_VERSION = "\"999999\"";
    /** States of the region the mechanism's tests leave alone, so that one can join and pledge here. */
    private static final List<String> NEWCOMERS = List.of("BT", "MV", "NP", "LK", "BD", "MN", "LA", "KH", "TL", "BN",
            "MM", "AF", "PG", "FJ", "NZ");

    /**
     * A request that succeeds: its path with real ids, and its body. The mechanism is one aggregate
     * for the whole test JVM, so once other tests have admitted every topic a topic can only be
     * refused with 409: such a sample names that status instead.
     */
    private record Sample(String path, String body, int refusedWith) {

        Sample(String path, String body) {
            this(path, body, 0);
        }

        boolean succeeds() {
            return refusedWith == 0;
        }
    }

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        Api.Answer answer = api.get("/v3/api-docs").send();
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    /** For each documented write, how to make a request to it that must succeed, on fresh aggregates. */
    private Map<String, Supplier<Sample>> samples() {
        Map<String, Supplier<Sample>> samples = new LinkedHashMap<>();
        samples.put("POST /api/crises", () -> new Sample("/api/crises", Crises.RAISE));
        samples.put("POST /api/crises/{crisisId}/escalations",
                () -> new Sample(Crises.path(Crises.raise(api), "/escalations"), Crises.severity(4)));
        samples.put("POST /api/crises/{crisisId}/de-escalations",
                () -> new Sample(Crises.path(Crises.raise(api), "/de-escalations"), Crises.severity(2)));
        samples.put("POST /api/crises/{crisisId}/referrals",
                () -> new Sample(Crises.path(Crises.raise(api), "/referrals"), Crises.referral("ASEAN")));
        samples.put("POST /api/crises/{crisisId}/referrals/{referralId}/acceptance", () -> {
            String crisisId = Crises.raise(api);
            return new Sample(Crises.referralPath(crisisId, Crises.refer(api, crisisId, "ASEAN"), "/acceptance"), "{}");
        });
        samples.put("POST /api/crises/{crisisId}/referrals/{referralId}/decline", () -> {
            String crisisId = Crises.raise(api);
            return new Sample(Crises.referralPath(crisisId, Crises.refer(api, crisisId, "ASEAN"), "/decline"),
                    Crises.DECLINE);
        });
        samples.put("POST /api/crises/{crisisId}/referrals/{referralId}/outcome", () -> {
            String crisisId = Crises.raise(api);
            return new Sample(Crises.referralPath(crisisId, Crises.referAccepted(api, crisisId, "ASEAN"), "/outcome"),
                    Crises.OUTCOME);
        });
        samples.put("POST /api/crises/{crisisId}/minilateral-involvements",
                () -> new Sample(Crises.path(Crises.raise(api), "/minilateral-involvements"), Crises.involvement("QUAD")));
        samples.put("POST /api/crises/{crisisId}/resolution",
                () -> new Sample(Crises.path(Crises.raise(api), "/resolution"), Crises.RESOLUTION));
        samples.put("POST /api/channels",
                () -> new Sample("/api/channels", ValidChannel.convene(Crises.raise(api))));
        samples.put("POST /api/channels/{channelId}/acknowledgements",
                () -> new Sample(Channels.path(channel(), "/acknowledgements"), Channels.participant("CN")));
        samples.put("POST /api/channels/{channelId}/statements",
                () -> new Sample(Channels.path(channel(), "/statements"), Channels.statement("CN", "We seek calm")));
        samples.put("POST /api/channels/{channelId}/joint-statements",
                () -> new Sample(Channels.path(channel(), "/joint-statements"), Channels.proposal("CN", "A hotline")));
        samples.put("POST /api/channels/{channelId}/joint-statements/{proposalId}/endorsements", () -> {
            String channelId = channel();
            return new Sample(Channels.endorsements(channelId, Channels.propose(api, channelId, "CN")),
                    Channels.participant("ASEAN"));
        });
        samples.put("POST /api/channels/{channelId}/closure",
                () -> new Sample(Channels.path(channel(), "/closure"), Channels.closure("NO_CONSENSUS", null)));
        samples.put("POST /api/mechanism/members", () -> new Sample("/api/mechanism/members",
                "{\"state\":\"" + newcomer() + "\"}"));
        samples.put("POST /api/mechanism/pledges", () -> {
            String state = newcomer();
            Channels.ok(api, "/api/mechanism/members", "{\"state\":\"" + state + "\"}");
            return new Sample("/api/mechanism/pledges", "{\"party\":\"" + state + "\"}");
        });
        samples.put("POST /api/mechanism/topics", () -> admissibleTopic()
                .map(topic -> new Sample("/api/mechanism/topics", "{\"topic\":\"" + topic + "\"}"))
                .orElseGet(() -> new Sample("/api/mechanism/topics", "{\"topic\":\"DISASTER_RELIEF\"}", 409)));
        return samples;
    }

    @Test
    void everyDocumentedOperationHasASampleAndEverySampleADocumentedOperation() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(samples().keySet());
    }

    @Test
    void everyOperationTakesTheDocumentedRequestContentType() {
        operations().forEach((operation, doc) -> assertThat(fieldNames(doc.path("requestBody").path("content")))
                .as(operation).containsExactly("application/json"));
    }

    @Test
    void aValidRequestWithEveryDocumentedHeaderAnswersTheDocumentedSuccessWithItsHeaders() {
        operations().forEach((operation, doc) -> {
            Sample sample = samples().get(operation).get();
            Api.Request request = request(operation, sample);
            for (JsonNode parameter : doc.path("parameters")) {
                if (parameter.path("in").asText().equals("header")) {
                    request.header(parameter.path("name").asText(), validValue(parameter.path("name").asText()));
                }
            }
            Api.Answer answer = request.send();
            assertThat(successes(doc)).as(operation).hasSize(1);
            assertThat(answer.status()).as("%s: %s", operation, answer.raw().body())
                    .isEqualTo(sample.succeeds() ? successes(doc).get(0) : sample.refusedWith());
            assertDocumented(operation, doc, answer);
        });
    }

    @Test
    void anIdempotencyKeyReplaysTheDocumentedAnswer() {
        operations().forEach((operation, doc) -> {
            assertThat(headerNames(doc)).as(operation).contains("Idempotency-Key");
            Sample sample = samples().get(operation).get();
            String key = UUID.randomUUID().toString();
            Api.Answer first = request(operation, sample).header("Idempotency-Key", key).send();
            Api.Answer again = request(operation, sample).header("Idempotency-Key", key).send();
            assertThat(again.status()).as(operation).isEqualTo(first.status());
            if (sample.succeeds()) {
                assertThat(again.header("Idempotent-Replayed")).as(operation).isEqualTo("true");
            }
            assertDocumented(operation, doc, again);
        });
    }

    @Test
    void ifMatchIsHonouredWhereItIsDocumentedAndOnlyThere() {
        Set<String> honoured = new HashSet<>();
        operations().forEach((operation, doc) -> {
            Sample sample = samples().get(operation).get();
            Api.Answer answer = request(operation, sample).header("If-Match", STALE_VERSION).send();
            assertDocumented(operation, doc, answer);
            if (headerNames(doc).contains("If-Match")) {
                assertThat(answer.status()).as("%s documents If-Match: %s", operation, answer.raw().body()).isEqualTo(412);
                honoured.add(operation);
            } else {
                assertThat(answer.status()).as("%s does not document If-Match: %s", operation, answer.raw().body())
                        .isEqualTo(sample.succeeds() ? successes(doc).get(0) : sample.refusedWith());
            }
        });
        // the two creations of a part were once documented without it
        assertThat(honoured).contains("POST /api/crises/{crisisId}/referrals",
                "POST /api/channels/{channelId}/joint-statements");
        assertThat(honoured).doesNotContain("POST /api/crises", "POST /api/channels");
    }

    @Test
    void aMissingRequiredHeaderIsADocumentedProblem() {
        operations().forEach((operation, doc) -> {
            for (JsonNode parameter : doc.path("parameters")) {
                if (parameter.path("in").asText().equals("header") && parameter.path("required").asBoolean()) {
                    Api.Answer answer = request(operation, samples().get(operation).get())
                            .header(parameter.path("name").asText(), null).send();
                    assertThat(answer.status()).as(operation).isEqualTo(400);
                    assertDocumented(operation, doc, answer);
                }
            }
        });
    }

    @Test
    void anotherContentTypeIsADocumentedProblem() {
        operations().forEach((operation, doc) -> {
            Api.Answer answer = request(operation, samples().get(operation).get())
                    .header("Content-Type", "text/plain").send();
            assertThat(answer.status()).as(operation).isEqualTo(415);
            assertDocumented(operation, doc, answer);
        });
    }

    @Test
    void unknownIdsInThePathAreADocumentedProblem() {
        operations().forEach((operation, doc) -> {
            String template = operation.substring(operation.indexOf(' ') + 1);
            if (!PATH_VARIABLE.matcher(template).find()) {
                return;
            }
            Sample sample = samples().get(operation).get();
            Matcher variables = PATH_VARIABLE.matcher(template);
            String unknown = variables.replaceAll(match -> UUID.randomUUID().toString());
            Api.Answer answer = request(operation, new Sample(unknown, sample.body())).send();
            assertThat(answer.status()).as("%s: %s", operation, answer.raw().body()).isEqualTo(404);
            assertDocumented(operation, doc, answer);
        });
    }

    /** The answer is what the document says of it: status, content type, schema (nulls included), headers. */
    private void assertDocumented(String operation, JsonNode doc, Api.Answer answer) {
        assertThat(new DocumentedAnswers(document).violations(operation, doc, answer.status(), answer::header,
                answer.raw().body(), List.of("Location", "ETag", "Retry-After"))).isEmpty();
    }

    private Api.Request request(String operation, Sample sample) {
        assertThat(operation).startsWith("POST ");
        return api.post(sample.path(), sample.body());
    }

    /**
     * Each write of the document, as "METHOD /path/{template}". Signing a checkpoint is no write of
     * the domain (no body, no events); CheckpointsIT holds it to its documented answers.
     */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!path.getKey().startsWith("/api/audit/")) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private static List<Integer> successes(JsonNode doc) {
        return fieldNames(doc.path("responses")).stream().map(Integer::valueOf).filter(s -> s / 100 == 2).toList();
    }

    private static Set<String> headerNames(JsonNode doc) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : doc.path("parameters")) {
            if (parameter.path("in").asText().equals("header")) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A value each documented request header accepts; If-Match is left to its own test. */
    private static String validValue(String header) {
        return switch (header) {
            case "X-Correlation-Id" -> "conformance-" + UUID.randomUUID();
            case "Idempotency-Key" -> UUID.randomUUID().toString();
            case "If-Match" -> null;
            default -> throw new AssertionError("a documented header this test does not know: " + header);
        };
    }

    private String channel() {
        return ValidChannel.convene(api, Crises.raise(api));
    }

    private String newcomer() {
        Set<String> members = new HashSet<>(payloadValues("MemberStateJoined", "state"));
        return NEWCOMERS.stream().filter(state -> !members.contains(state)).findFirst()
                .orElseThrow(() -> new AssertionError("every newcomer has joined already"));
    }

    /** The first topic not yet admitted (its lower tiers are then complete), if any. */
    private Optional<String> admissibleTopic() {
        EnumSet<SecurityTopic> admitted = payloadValues("SecurityTopicAdmitted", "topic").stream().map(SecurityTopic::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecurityTopic.class)));
        return EnumSet.complementOf(admitted).stream().findFirst().map(Enum::name);
    }

    private List<String> payloadValues(String payloadType, String field) {
        return jdbc.queryForList("select convert_from(payload, 'UTF8')::jsonb ->> ? from event_store.domain_event_entry "
                + "where type = 'SecurityMechanism' and payload_type like ?", String.class, field, "%." + payloadType);
    }
}
