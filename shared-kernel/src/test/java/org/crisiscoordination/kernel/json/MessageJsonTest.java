package org.crisiscoordination.kernel.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events of the published language survive the trip through the message mapper, in a readable form. */
class MessageJsonTest {

    private static final ObjectMapper MESSAGES = CrisisJson.forMessages();
    private static final CrisisId CRISIS = CrisisId.of("3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c");
    private static final ChannelId CHANNEL = ChannelId.of("0b6c2a2e-5f3d-4c1b-8a9e-7d6f5e4c3b2a");

    @Test
    void aRaisedCrisisTravelsWithPlainIdsCodesAndNumbers() throws Exception {
        RegionalCrisisRaised event = new RegionalCrisisRaised(CRISIS, "Typhoon", "Leyte", SecurityTopic.DISASTER_RELIEF,
                Severity.of(4), List.of(StateCode.of("PH"), StateCode.of("TL")), "Relief needed");

        JsonNode json = MESSAGES.valueToTree(event);

        assertThat(json.get("crisisId").asText()).isEqualTo("3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c");
        assertThat(json.get("severity").isInt()).isTrue();
        assertThat(json.get("involvedStates").toString()).isEqualTo("[\"PH\",\"TL\"]");
        assertThat(json.get("topic").asText()).isEqualTo("DISASTER_RELIEF");
        assertThat(MESSAGES.readValue(MESSAGES.writeValueAsString(event), RegionalCrisisRaised.class)).isEqualTo(event);
    }

    @Test
    void aConvenedChannelTravelsWithIsoDurationAndInstant() throws Exception {
        MajorPowerChannelConvened event = new MajorPowerChannelConvened(CHANNEL, CRISIS,
                List.of(MajorPower.CN, MajorPower.US, MajorPower.ASEAN), "Agenda",
                new AcknowledgementDeadline(Duration.ofHours(24), Instant.parse("2025-11-03T08:30:00Z")));

        JsonNode json = MESSAGES.valueToTree(event);

        assertThat(json.at("/acknowledgement/within").asText()).isEqualTo("PT24H");
        assertThat(json.at("/acknowledgement/by").asText()).isEqualTo("2025-11-03T08:30:00Z");
        assertThat(json.get("channelId").asText()).isEqualTo(CHANNEL.toString());
        assertThat(MESSAGES.readValue(MESSAGES.writeValueAsString(event), MajorPowerChannelConvened.class)).isEqualTo(event);
    }

    @Test
    void anOverdueAcknowledgementTravelsWithItsDueTime() throws Exception {
        ChannelAcknowledgementOverdue event = new ChannelAcknowledgementOverdue(CHANNEL, MajorPower.RU,
                Instant.parse("2025-11-03T08:30:00.250Z"));

        String json = MESSAGES.writeValueAsString(event);

        assertThat(json).contains("\"due\":\"2025-11-03T08:30:00.250Z\"");
        assertThat(MESSAGES.readValue(json, ChannelAcknowledgementOverdue.class)).isEqualTo(event);
    }

    @Test
    void aPledgeTravelsWithPlainMechanismIdAndParty() throws Exception {
        NonViolencePledgeMade event = new NonViolencePledgeMade(MechanismId.ASIA_PACIFIC, Party.of("SCO"));

        String json = MESSAGES.writeValueAsString(event);

        assertThat(json).isEqualTo("{\"mechanismId\":\"asia-pacific\",\"party\":\"SCO\"}");
        assertThat(MESSAGES.readValue(json, NonViolencePledgeMade.class)).isEqualTo(event);
    }
}
