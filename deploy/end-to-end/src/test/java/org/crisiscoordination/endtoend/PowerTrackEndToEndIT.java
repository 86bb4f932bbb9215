package org.crisiscoordination.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The power track over HTTP with both services running as processes: a crisis, a channel refused
 * and convened, acknowledgements (one going overdue), statements, a joint statement adopted by
 * consensus, and the crisis resolved; then the channel view, board, metrics and timeline. And a
 * pending deadline that fires although the command service restarted before it was due.
 */
class PowerTrackEndToEndIT {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start(TestDatabase.fresh());
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void coordinatesACrisisOnBothTracksUntilItResolves() {
        JsonNode before = Http.get(system.queryUrl + "/api/metrics/coordination").body();
        for (String topic : List.of("DISASTER_RELIEF", "MARITIME_SEARCH_AND_RESCUE", "PUBLIC_HEALTH", "COUNTER_PIRACY",
                "MARITIME_SECURITY")) {
            assertThat(write("/api/mechanism/topics", "{\"topic\":\"" + topic + "\"}").status()).isEqualTo(200);
        }
        assertThat(write("/api/mechanism/pledges", "{\"party\":\"CN\"}").status()).isEqualTo(200);
        String crisis = write("/api/crises", """
                {"title":"Collision near Scarborough Shoal","hotspot":"Scarborough Shoal","topic":"MARITIME_SECURITY",
                 "severity":4,"involvedStates":["CN","PH"],"summary":"A coast guard vessel rammed a fishing boat"}""")
                .body().get("id").asText();

        Http.Answer withoutChina = write("/api/channels",
                "{\"crisisId\":\"" + crisis + "\",\"participants\":[\"US\",\"ASEAN\"],\"agenda\":\"De-escalation\"}");
        assertThat(withoutChina.status()).isEqualTo(409);
        assertThat(withoutChina.body().get("rule").asText()).isEqualTo("involved-power-missing");
        Http.Answer withoutAsean = write("/api/channels",
                "{\"crisisId\":\"" + crisis + "\",\"participants\":[\"CN\",\"US\"],\"agenda\":\"De-escalation\"}");
        assertThat(withoutAsean.status()).isEqualTo(409);
        assertThat(withoutAsean.body().get("rule").asText()).isEqualTo("asean-missing");
        assertThat(timeline(crisis)).containsExactly("RegionalCrisisRaised");

        Http.Answer convened = write("/api/channels", "{\"crisisId\":\"" + crisis + "\",\"participants\":[\"CN\",\"US\","
                + "\"ASEAN\"],\"agenda\":\"De-escalation at sea\",\"acknowledgeWithin\":\"PT3S\"}");
        assertThat(convened.status()).isEqualTo(201);
        String channel = convened.body().get("channelId").asText();
        assertThat(convened.header("Location")).isEqualTo(system.queryUrl + "/api/channels/" + channel);
        String channelPath = "/api/channels/" + channel;
        assertThat(write(channelPath + "/acknowledgements", "{\"participant\":\"CN\"}").status()).isEqualTo(200);
        assertThat(write(channelPath + "/acknowledgements", "{\"participant\":\"ASEAN\"}").status()).isEqualTo(200);
        assertThat(write(channelPath + "/statements", "{\"participant\":\"CN\",\"text\":\"Restraint on both sides\"}")
                .status()).isEqualTo(200);
        assertThat(write(channelPath + "/statements", "{\"participant\":\"ASEAN\",\"text\":\"Apply the code of conduct\"}")
                .status()).isEqualTo(200);
        assertThat(write(channelPath + "/statements", "{\"participant\":\"US\",\"text\":\"Freedom of navigation\"}")
                .status()).isEqualTo(200);
        String proposal = write(channelPath + "/joint-statements",
                "{\"proposer\":\"ASEAN\",\"text\":\"The parties will refrain from the use of force\"}")
                .body().get("proposalId").asText();
        for (String participant : List.of("ASEAN", "CN", "US")) {
            assertThat(write(channelPath + "/joint-statements/" + proposal + "/endorsements",
                    "{\"participant\":\"" + participant + "\"}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                Http.get(system.queryUrl + channelPath).body().get("participants").get(1).get("overdue").asBoolean())
                .isTrue());

        Http.Answer resolved = write("/api/crises/" + crisis + "/resolution",
                "{\"resolution\":\"Both coast guards withdrew under the joint statement\"}");
        assertThat(resolved.status()).isEqualTo(200);
        String token = resolved.body().get("consistencyToken").asText();

        JsonNode view = Http.get(system.queryUrl + channelPath, "X-Consistency-Token", token).body();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("outcome").asText()).isEqualTo("CRISIS_RESOLVED");
        assertThat(view.get("acknowledged").asInt()).isEqualTo(2);
        JsonNode china = view.get("participants").get(0);
        assertThat(china.get("participant").asText()).isEqualTo("CN");
        assertThat(china.get("acknowledgementLatency").asText()).startsWith("PT");
        assertThat(china.get("overdue").asBoolean()).isFalse();
        assertThat(china.get("pledged").asBoolean()).isTrue();
        JsonNode unitedStates = view.get("participants").get(1);
        assertThat(unitedStates.get("acknowledgedAt").isNull()).isTrue();
        assertThat(unitedStates.get("overdue").asBoolean()).isTrue();
        assertThat(view.get("statements")).hasSize(3);
        assertThat(view.get("jointStatement").asText()).isEqualTo("ADOPTED");
        assertThat(view.get("currentProposal").get("endorsed").asInt()).isEqualTo(3);

        JsonNode board = Http.get(system.queryUrl + "/api/crises/" + crisis, "X-Consistency-Token", token).body();
        assertThat(board.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(board.get("agenda").get("onAgendaAtRaise").asBoolean()).isTrue();
        JsonNode powerTrack = board.get("powerTrack");
        assertThat(powerTrack.get("engaged").asBoolean()).isTrue();
        assertThat(powerTrack.get("channelId").asText()).isEqualTo(channel);
        assertThat(powerTrack.get("status").asText()).isEqualTo("CLOSED");
        assertThat(powerTrack.get("outcome").asText()).isEqualTo("CRISIS_RESOLVED");
        assertThat(powerTrack.get("acknowledged").asInt()).isEqualTo(2);
        assertThat(powerTrack.get("participants").asInt()).isEqualTo(3);
        assertThat(powerTrack.get("jointStatement").asText()).isEqualTo("ADOPTED");
        assertThat(board.get("dualTrack").asBoolean()).isFalse();

        JsonNode metrics = Http.get(system.queryUrl + "/api/metrics/coordination", "X-Consistency-Token", token).body();
        // other tests share the store: compare with what the metrics said before this crisis
        assertThat(metrics.get("timeToConvene").get("count").asInt())
                .isEqualTo(before.get("timeToConvene").get("count").asInt() + 1);
        assertThat(powerMetric(metrics, "US").get("overdue").asInt())
                .isEqualTo(powerMetric(before, "US").get("overdue").asInt() + 1);
        assertThat(powerMetric(metrics, "CN").get("latency").get("count").asInt())
                .isEqualTo(powerMetric(before, "CN").get("latency").get("count").asInt() + 1);
        assertThat(metrics.get("agendaCoverage").get(0).get("coverage").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("agendaCoverage").get(1).get("admitted").asInt()).isEqualTo(1);
        double voices = 0;
        for (JsonNode voice : metrics.get("voiceBalance")) {
            voices += voice.get("share").asDouble();
        }
        assertThat(voices).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(timeline(crisis)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened",
                "MajorPowerChannelConvened", "ChannelParticipationAcknowledged", "ChannelParticipationAcknowledged",
                "PositionStatementSubmitted", "PositionStatementSubmitted", "PositionStatementSubmitted",
                "JointStatementProposed", "JointStatementEndorsed", "JointStatementEndorsed", "JointStatementEndorsed",
                "JointStatementAdopted", "ChannelAcknowledgementOverdue", "CrisisResolved", "PowerTrackClosed",
                "MajorPowerChannelClosed");
        JsonNode overdue = Http.get(system.queryUrl + channelPath + "/timeline").body().get("entries").get(11);
        assertThat(overdue.get("eventType").asText()).isEqualTo("ChannelAcknowledgementOverdue");
        assertThat(overdue.get("actor").asText()).isEqualTo("system");
        for (String aggregate : List.of(crisis, channel)) {
            assertThat(Http.get(system.queryUrl + "/api/audit/verify?aggregateId=" + aggregate).body().get("valid")
                    .asBoolean()).isTrue();
        }
    }

    @Test
    void firesAnAcknowledgementDeadlineThatFellDueWhileTheCommandServiceWasDown() throws Exception {
        String crisis = write("/api/crises", """
                {"title":"Border clash","hotspot":"Galwan valley","topic":"MILITARY_CONFRONTATION",
                 "severity":5,"involvedStates":["IN","CN"],"summary":"Patrols clashed overnight"}""")
                .body().get("id").asText();
        String channel = UUID.randomUUID().toString();
        Instant due = Instant.now().plusSeconds(4);
        assertThat(write("/api/channels", "{\"channelId\":\"" + channel + "\",\"crisisId\":\"" + crisis
                + "\",\"participants\":[\"IN\",\"CN\"],\"agenda\":\"Disengagement\",\"acknowledgeWithin\":\"PT4S\"}")
                .status()).isEqualTo(201);

        system.stopCommandService();
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(due.plusSeconds(1)));
        assertThat(overdueIn(channel)).isZero();
        system.startCommandService();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(overdueIn(channel)).isEqualTo(2));
    }

    private static long overdueIn(String channel) {
        List<String> types = new ArrayList<>();
        Http.get(system.queryUrl + "/api/channels/" + channel + "/timeline").body().get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        return types.stream().filter("ChannelAcknowledgementOverdue"::equals).count();
    }

    private static JsonNode powerMetric(JsonNode metrics, String power) {
        for (JsonNode entry : metrics.get("acknowledgementLatency")) {
            if (entry.get("participant").asText().equals(power)) {
                return entry;
            }
        }
        throw new AssertionError("no metrics for " + power);
    }

    private static List<String> timeline(String crisis) {
        List<String> types = new ArrayList<>();
        Http.get(system.queryUrl + "/api/crises/" + crisis + "/timeline").body().get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        return types;
    }

    private static Http.Answer write(String path, String body) {
        return Http.post(system.commandUrl + path, body);
    }
}
