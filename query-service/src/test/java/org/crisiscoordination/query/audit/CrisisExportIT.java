package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.axonframework.common.DateTimeUtils;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventAppender.Caller;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of a crisis as CloudEvents 1.0: every event of its timeline's scope, each a valid
 * CloudEvent as the SDK reads it, carrying what an outside party needs to recheck the hash chains.
 */
class CrisisExportIT extends QueryServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private EventAppender store;
    private CrisisId crisis;
    private ChannelId channel;

    /** A crisis with a channel, their events interleaved with another crisis's. */
    @BeforeEach
    void aCrisisWithAChannel() {
        store = new EventAppender(jdbc);
        History history = new History(store);
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        crisis = history.raise(SecurityTopic.MARITIME_SECURITY, t0, "PH", "CN");
        history.raise(SecurityTopic.MARITIME_SECURITY, t0.plusSeconds(1), "VN");
        channel = history.convene(crisis, t0.plusSeconds(2), Duration.ofHours(24), MajorPower.CN, MajorPower.US);
        store.append(AggregateTypes.CHANNEL, channel.toString(), new PositionStatementSubmitted(channel, MajorPower.CN,
                "Restraint \"on both sides\"\nand a hotline"), t0.plusSeconds(3), Caller.of("envoy@cn", "CN"));
        store.append(AggregateTypes.CRISIS, crisis.toString(), new CrisisEscalated(crisis, Severity.of(3),
                Severity.of(4), "collision"), t0.plusMillis(4_120), Caller.of("duty-officer@secretariat", null));
    }

    @Test
    void holdsEveryEventOfTheCrisisAndItsChannelInPositionOrderAsValidCloudEvents() {
        Api.Answer answer = api.get("/api/crises/" + crisis + "/export").header("Accept", "application/x-ndjson").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/x-ndjson");
        List<CloudEvent> events = answer.raw().body().lines().map(CrisisExportIT::parse).toList();
        List<Map<String, Object>> stored = stored();
        assertThat(events).hasSize(5).hasSize(stored.size());
        for (int i = 0; i < events.size(); i++) {
            CloudEvent event = events.get(i);
            Map<String, Object> row = stored.get(i);
            String aggregateId = (String) row.get("aggregate_identifier");
            String payloadType = (String) row.get("payload_type");
            JsonNode meta = read((String) row.get("meta"));
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isEqualTo(row.get("event_identifier"));
            assertThat(event.getSource()).isEqualTo(URI.create(
                    (aggregateId.equals(crisis.toString()) ? "/crises/" : "/channels/") + aggregateId));
            assertThat(event.getType()).isEqualTo("org.crisiscoordination."
                    + payloadType.substring(payloadType.lastIndexOf('.') + 1));
            assertThat(event.getSubject()).isEqualTo(aggregateId);
            assertThat(event.getTime().toInstant()).isEqualTo(DateTimeUtils.parseInstant((String) row.get("time_stamp")));
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(read(event.getData().toBytes())).isEqualTo(read((String) row.get("payload")));
            assertThat(number(event, "position")).isEqualTo(row.get("global_index"));
            assertThat(number(event, "sequence")).isEqualTo(row.get("sequence_number"));
            assertThat(event.getExtension("aggregatetype")).isEqualTo(row.get("type"));
            assertThat(event.getExtension("actor")).isEqualTo(meta.get("actor").asText());
            assertThat(event.getExtension("onbehalfof")).isEqualTo(meta.has("onBehalfOf") ? meta.get("onBehalfOf").asText() : null);
            assertThat(event.getExtension("commandid")).isEqualTo(meta.get("commandId").asText());
            assertThat(event.getExtension("correlationid")).isEqualTo(meta.get("correlationId").asText());
            assertThat(event.getExtension("causationid")).isEqualTo(meta.get("causationId").asText());
            assertThat(event.getExtension("previoushash")).isEqualTo(meta.get("previousHash").asText());
            assertThat(event.getExtension("hash")).isEqualTo(meta.get("hash").asText());
            assertThat(event.getExtension("payloadrevision")).isEqualTo(row.get("payload_revision"));
        }
        assertThat(events).filteredOn(e -> e.getType().endsWith("MajorPowerChannelConvened"))
                .extracting(e -> e.getExtension("payloadrevision")).containsExactly("2");
        assertThat(events).extracting(CloudEvent::getSubject).containsOnly(crisis.toString(), channel.toString());
        assertThat(events.get(3).getExtension("onbehalfof")).isEqualTo("CN");
    }

    @Test
    void theHashChainsRecomputedFromTheExportAloneVerify() {
        List<CloudEvent> events = api.get("/api/crises/" + crisis + "/export").send().raw().body().lines()
                .map(CrisisExportIT::parse).toList();

        assertThat(events).hasSize(5);
        assertThat(brokenLinks(events)).isEmpty();
        // and the check can fail: an altered payload no longer matches its hash
        List<CloudEvent> altered = new ArrayList<>(events);
        altered.set(3, io.cloudevents.core.builder.CloudEventBuilder.v1(events.get(3))
                .withData("application/json", "{\"text\":\"altered\"}".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(brokenLinks(altered)).containsExactly(events.get(3).getId());
    }

    @Test
    void answersTheCloudEventsBatchFormatWhenAskedForIt() throws IOException {
        List<String> lines = api.get("/api/crises/" + crisis + "/export").header("Accept", "application/x-ndjson")
                .send().raw().body().lines().toList();
        for (String accept : List.of("application/cloudevents-batch+json", "application/json")) {
            Api.Answer answer = api.get("/api/crises/" + crisis + "/export").header("Accept", accept).send();

            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.header("Content-Type")).as(accept).startsWith("application/cloudevents-batch+json");
            assertThat(answer.json().isArray()).isTrue();
            assertThat(answer.json()).hasSize(5);
            for (int i = 0; i < lines.size(); i++) {
                CloudEvent event = FORMAT.deserialize(JSON.writeValueAsBytes(answer.json().get(i)));
                assertThat(event).isEqualTo(parse(lines.get(i)));
            }
        }
    }

    @Test
    void answersOneEventALineWithoutAnAcceptAndRefusesWhatItCannotWrite() {
        Api.Answer plain = api.get("/api/crises/" + crisis + "/export").header("Accept", null).send();
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(plain.raw().body().lines()).hasSize(5);

        Api.Answer html = api.get("/api/crises/" + crisis + "/export").header("Accept", "text/html").send();
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownCrisisOrAnIdThatIsNoCrisisIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), channel.toString())) {
            for (String accept : List.of("application/x-ndjson", "application/cloudevents-batch+json")) {
                Api.Answer answer = api.get("/api/crises/" + id + "/export").header("Accept", accept).send();

                assertThat(answer.status()).as("%s as %s", id, accept).isEqualTo(404);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.json().get("status").asInt()).isEqualTo(404);
            }
        }
        assertThat(api.get("/api/crises/not-a-crisis/export").send().status()).isEqualTo(400);
    }

    /**
     * What an outside party does with an export: per subject, in sequence, recompute each hash from
     * the event's attributes and data as docs/api.md says, and check each link to its predecessor.
     * Answers the ids of the events whose link does not hold.
     */
    private static List<String> brokenLinks(List<CloudEvent> events) {
        Map<String, String> previous = new HashMap<>();
        Map<String, Long> nextSequence = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (CloudEvent event : events) {
            String previousHash = previous.getOrDefault(event.getSubject(), HashChain.GENESIS);
            long sequence = number(event, "sequence");
            AuditRecord record = new AuditRecord((String) event.getExtension("aggregatetype"), event.getSubject(),
                    sequence, event.getType().substring("org.crisiscoordination.".length()),
                    read(event.getData().toBytes()), DateTimeUtils.formatInstant(event.getTime().toInstant()),
                    (String) event.getExtension("actor"), (String) event.getExtension("onbehalfof"),
                    (String) event.getExtension("commandid"), (String) event.getExtension("correlationid"),
                    (String) event.getExtension("causationid"), (String) event.getExtension("payloadrevision"));
            String hash = HashChain.hash(previousHash, record);
            if (sequence != nextSequence.getOrDefault(event.getSubject(), 0L)
                    || !previousHash.equals(event.getExtension("previoushash"))
                    || !hash.equals(event.getExtension("hash"))) {
                broken.add(event.getId());
            }
            previous.put(event.getSubject(), (String) event.getExtension("hash"));
            nextSequence.put(event.getSubject(), sequence + 1);
        }
        return broken;
    }

    private List<Map<String, Object>> stored() {
        return jdbc.queryForList("select global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                + " payload_type, payload_revision, time_stamp, convert_from(payload, 'UTF8') as payload,"
                + " convert_from(meta_data, 'UTF8') as meta from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier in (?, ?) order by global_index", crisis.toString(), channel.toString());
    }

    private static CloudEvent parse(String line) {
        return FORMAT.deserialize(line.getBytes(StandardCharsets.UTF_8));
    }

    private static long number(CloudEvent event, String extension) {
        return Long.parseLong((String) event.getExtension(extension));
    }

    private static JsonNode read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
