package org.crisiscoordination.kernel.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.json.CrisisJson;
import org.crisiscoordination.kernel.region.MajorPower;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upcaster of {@code MajorPowerChannelConvened}, through Axon's own reading path: a stored row
 * becomes an initial representation, the chain both services register upcasts it, and the
 * services' serializer reads the result.
 */
class AcknowledgementDeadlineGroupedTest {

    private static final ObjectMapper JSON = CrisisJson.forMessages();
    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();
    private static final String CONVENED = MajorPowerChannelConvened.class.getName();

    /** Exactly as the command service stored it before revision 2 (a row of the store fixture). */
    private static final String STORED_WITHOUT_REVISION = """
            {"channelId":"5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e02","crisisId":"5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e01",\
            "participants":["CN","US","ASEAN"],"agenda":"Resupply of the outpost","acknowledgeWithin":"PT1S",\
            "acknowledgeBy":"2026-12-03T16:23:15.333452057Z"}""";

    @Test
    void aConvenedChannelStoredWithoutARevisionIsReadWithItsDeadlineAsOneValue() {
        IntermediateEventRepresentation upcast = upcastOne(stored(CONVENED, null, STORED_WITHOUT_REVISION));

        MajorPowerChannelConvened event = SERIALIZER.deserialize(upcast.getData());

        assertThat(event).isEqualTo(new MajorPowerChannelConvened(
                ChannelId.of("5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e02"), CrisisId.of("5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e01"),
                List.of(MajorPower.CN, MajorPower.US, MajorPower.ASEAN), "Resupply of the outpost",
                new AcknowledgementDeadline(Duration.ofSeconds(1), Instant.parse("2026-12-03T16:23:15.333452057Z"))));
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void theOldFieldsMoveIntoTheAcknowledgementAndNothingElseChanges() throws Exception {
        JsonNode upcast = AcknowledgementDeadlineGrouped.group(JSON.readTree(STORED_WITHOUT_REVISION));

        assertThat(upcast.toString()).isEqualTo("""
                {"channelId":"5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e02","crisisId":"5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e01",\
                "participants":["CN","US","ASEAN"],"agenda":"Resupply of the outpost",\
                "acknowledgement":{"within":"PT1S","by":"2026-12-03T16:23:15.333452057Z"}}""");
    }

    @Test
    void whatIsStoredIsNotChangedByReadingIt() throws Exception {
        JsonNode stored = JSON.readTree(STORED_WITHOUT_REVISION);

        AcknowledgementDeadlineGrouped.group(stored);

        assertThat(stored).isEqualTo(JSON.readTree(STORED_WITHOUT_REVISION));
    }

    @Test
    void anEventOfRevisionTwoIsReadAsItWasWritten() {
        MajorPowerChannelConvened event = new MajorPowerChannelConvened(ChannelId.random(), CrisisId.random(),
                List.of(MajorPower.IN, MajorPower.CN), "Disengagement",
                new AcknowledgementDeadline(Duration.ofHours(6), Instant.parse("2026-12-04T00:00:00Z")));
        String written = new String(SERIALIZER.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        IntermediateEventRepresentation upcast = upcastOne(stored(CONVENED, "2", written));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((MajorPowerChannelConvened) SERIALIZER.deserialize(upcast.getData())).isEqualTo(event);
    }

    @Test
    void theUpcasterWritesTheTypeAndRevisionTheEventIsWrittenWithToday() {
        SerializedType written = SERIALIZER.typeForClass(MajorPowerChannelConvened.class);

        assertThat(written).isEqualTo(AcknowledgementDeadlineGrouped.SECOND);
        assertThat(AcknowledgementDeadlineGrouped.FIRST.getName()).isEqualTo(written.getName());
    }

    @Test
    void otherEventsPassUntouched() {
        String overdue = "{\"channelId\":\"5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e02\",\"participant\":\"US\","
                + "\"due\":\"2026-12-03T16:23:15.333452057Z\"}";

        IntermediateEventRepresentation upcast = upcastOne(stored(ChannelAcknowledgementOverdue.class.getName(), null,
                overdue));

        assertThat(upcast.getType().getRevision()).isNull();
        assertThat(((ChannelAcknowledgementOverdue) SERIALIZER.deserialize(upcast.getData())).due())
                .isEqualTo(Instant.parse("2026-12-03T16:23:15.333452057Z"));
    }

    @Test
    void withoutTheUpcasterAnOldEventCannotBeRead() {
        InitialEventRepresentation notUpcast = new InitialEventRepresentation(stored(CONVENED, null,
                STORED_WITHOUT_REVISION), SERIALIZER);

        assertThatThrownBy(() -> SERIALIZER.deserialize(notUpcast.getData()))
                .hasStackTraceContaining("acknowledgement");
    }

    private static IntermediateEventRepresentation upcastOne(GenericDomainEventEntry<byte[]> entry) {
        List<IntermediateEventRepresentation> upcast = StoredEvents.upcasters()
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static GenericDomainEventEntry<byte[]> stored(String payloadType, String revision, String payload) {
        return new GenericDomainEventEntry<>("MajorPowerChannel", "5d0c3b8e-6f2a-4c1e-9b7d-1a2b3c4d5e02", 0,
                "b0c5e2a4-3d1f-4e6a-9c8b-7a6f5e4d3c2b", "2026-12-03T16:23:14.333Z", payloadType, revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
