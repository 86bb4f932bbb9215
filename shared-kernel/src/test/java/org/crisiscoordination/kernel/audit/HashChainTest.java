package org.crisiscoordination.kernel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREVIOUS = "ab".repeat(32);

    @Test
    void theFirstEventOfAnAggregateLinksToSixtyFourZeros() {
        assertThat(HashChain.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void aHashIsLowerCaseHexSha256() {
        assertThat(HashChain.hash(HashChain.GENESIS, record())).matches("[0-9a-f]{64}");
    }

    @Test
    void isDeterministic() {
        assertThat(HashChain.hash(PREVIOUS, record())).isEqualTo(HashChain.hash(PREVIOUS, record()));
    }

    @Test
    void dependsOnThePreviousHash() {
        assertThat(HashChain.hash(HashChain.GENESIS, record())).isNotEqualTo(HashChain.hash(PREVIOUS, record()));
    }

    @Test
    void changingAnySingleFieldOfTheRecordChangesTheHash() {
        AuditRecord r = record();
        List<UnaryOperator<AuditRecord>> changes = List.of(
                x -> new AuditRecord("Channel", x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), "9f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c", x.sequence(),
                        x.eventType(), x.payload(), x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(),
                        x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence() + 1, x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), "CrisisEscalated", x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(),
                        payload("{\"title\":\"Flood\",\"severity\":4,\"meta\":{\"z\":true,\"a\":null}}"),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(),
                        payload("{\"title\":\"Flood\",\"severity\":3,\"meta\":{\"z\":false,\"a\":null}}"),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), null,
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        "2025-11-02T08:30:00.001Z", x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(),
                        x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), "mallory", x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), "PH", x.commandId(), x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), "c-2", x.correlationId(), x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), "k-2", x.causationId()),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), "c-0"),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), ""),
                x -> new AuditRecord(x.aggregateType(), x.aggregateId(), x.sequence(), x.eventType(), x.payload(),
                        x.occurredAt(), x.actor(), x.onBehalfOf(), x.commandId(), x.correlationId(), x.causationId(),
                        "2"));
        String original = HashChain.hash(PREVIOUS, r);

        assertThat(changes).allSatisfy(change -> assertThat(HashChain.hash(PREVIOUS, change.apply(r))).isNotEqualTo(original));
        assertThat(changes).hasSize(AuditRecord.class.getRecordComponents().length + 3);
    }

    @Test
    void changingANestedPayloadValueChangesTheHash() {
        AuditRecord changed = withPayload(payload("{\"title\":\"Flood\",\"severity\":3,\"meta\":{\"z\":true,\"a\":0}}"));

        assertThat(HashChain.hash(PREVIOUS, changed)).isNotEqualTo(HashChain.hash(PREVIOUS, record()));
    }

    @Test
    void theOrderOfPayloadMembersDoesNotChangeTheHash() {
        ObjectNode oneOrder = JSON.createObjectNode();
        oneOrder.put("title", "Flood");
        oneOrder.put("severity", 3);
        oneOrder.putObject("meta").put("z", true).putNull("a");
        ObjectNode otherOrder = JSON.createObjectNode();
        otherOrder.putObject("meta").putNull("a").put("z", true);
        otherOrder.put("severity", 3);
        otherOrder.put("title", "Flood");

        assertThat(oneOrder.toString()).isNotEqualTo(otherOrder.toString());
        assertThat(HashChain.hash(PREVIOUS, withPayload(oneOrder))).isEqualTo(HashChain.hash(PREVIOUS, withPayload(otherOrder)));
    }

    @Test
    void eachLinkDependsOnTheOneBefore() {
        String first = HashChain.hash(HashChain.GENESIS, record());
        AuditRecord next = new AuditRecord("Crisis", "3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c", 1, "CrisisEscalated",
                payload("{\"severity\":4}"), "2025-11-02T09:00:00.000Z", "alice", "TL", "c-2", "c-2", null);

        assertThat(HashChain.hash(first, next)).isNotEqualTo(HashChain.hash(HashChain.GENESIS, next));
    }

    @Test
    void matchesASha256ComputedIndependentlyOverTheDocumentedCanonicalForm() throws Exception {
        AuditRecord record = new AuditRecord("Crisis", "3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c", 0,
                "RegionalCrisisRaised",
                payload("{\"title\":\"Crue à Dili\",\"severity\":3,\"involvedStates\":[\"TL\"],\"meta\":{\"z\":true,\"a\":null}}"),
                "2025-11-02T08:30:00.000Z", "alice", "TL", "c-1", "c-1", null);
        String canonical = "{\"actor\":\"alice\","
                + "\"aggregateId\":\"3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c\","
                + "\"aggregateType\":\"Crisis\","
                + "\"causationId\":null,"
                + "\"commandId\":\"c-1\","
                + "\"correlationId\":\"c-1\","
                + "\"eventType\":\"RegionalCrisisRaised\","
                + "\"occurredAt\":\"2025-11-02T08:30:00.000Z\","
                + "\"onBehalfOf\":\"TL\","
                + "\"payload\":{\"involvedStates\":[\"TL\"],\"meta\":{\"a\":null,\"z\":true},\"severity\":3,\"title\":\"Crue à Dili\"},"
                + "\"previousHash\":\"" + "0".repeat(64) + "\","
                + "\"sequence\":0}";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(HashChain.hash(HashChain.GENESIS, record)).isEqualTo(expected);
    }

    @Test
    void aPayloadRevisionIsCoveredAndAnAbsentOneLeavesTheCanonicalFormAsItWas() throws Exception {
        AuditRecord without = record();
        AuditRecord withNull = new AuditRecord(without.aggregateType(), without.aggregateId(), without.sequence(),
                without.eventType(), without.payload(), without.occurredAt(), without.actor(), without.onBehalfOf(),
                without.commandId(), without.correlationId(), without.causationId(), null);
        AuditRecord revised = new AuditRecord(without.aggregateType(), without.aggregateId(), without.sequence(),
                without.eventType(), without.payload(), without.occurredAt(), without.actor(), without.onBehalfOf(),
                without.commandId(), without.correlationId(), without.causationId(), "2");

        assertThat(HashChain.hash(PREVIOUS, withNull)).isEqualTo(HashChain.hash(PREVIOUS, without));
        assertThat(HashChain.hash(PREVIOUS, revised)).isNotEqualTo(HashChain.hash(PREVIOUS, without));
        ObjectNode canonical = (ObjectNode) JSON.valueToTree(revised);
        assertThat(canonical.get("payloadRevision").asText()).isEqualTo("2");
        assertThat(((ObjectNode) JSON.valueToTree(without)).has("payloadRevision")).isFalse();
    }

    private static AuditRecord record() {
        return withPayload(payload("{\"title\":\"Flood\",\"severity\":3,\"meta\":{\"z\":true,\"a\":null}}"));
    }

    private static AuditRecord withPayload(JsonNode payload) {
        return new AuditRecord("Crisis", "3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c", 0, "RegionalCrisisRaised", payload,
                "2025-11-02T08:30:00.000Z", "alice", "TL", "c-1", "c-1", null);
    }

    private static JsonNode payload(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
