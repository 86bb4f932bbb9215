package org.crisiscoordination.query.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.query.support.EventStoreDatabase;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.StoreBeforeRevisions;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Today's query service started on a store that an earlier version wrote, before events carried
 * revisions ({@link StoreBeforeRevisions}): the projections build the current read models from
 * the old events (through the upcasters) and rebuild them the same on a replay, nothing is parked,
 * and the audit serves the old events exactly as stored, which is what their hashes cover.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreBeforeRevisionsIT {

    private static final TestDatabase.Database DATABASE = storeBeforeRevisions();

    private static final String CRISIS = StoreBeforeRevisions.CRISIS_ID;
    private static final String CHANNEL = StoreBeforeRevisions.CHANNEL_ID;
    /** As a timestamptz column keeps it. */
    private static final Instant ACKNOWLEDGE_BY = StoreBeforeRevisions.ACKNOWLEDGE_BY.truncatedTo(ChronoUnit.MICROS);

    @LocalServerPort
    private int port;

    private Api api;

    private static TestDatabase.Database storeBeforeRevisions() {
        TestDatabase.Database database = EventStoreDatabase.fresh();
        StoreBeforeRevisions.loadInto(database);
        return database;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EventStoreDatabase.serve(DATABASE, registry);
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
    }

    @Test
    void theProjectionsBuildTodaysReadModelsFromEventsStoredBeforeRevisions() {
        JsonNode channel = caughtUpChannel();

        assertChannelAsStored(channel);
        JsonNode crisis = api.get("/api/crises/" + CRISIS).send().json();
        assertThat(crisis.get("severity").asInt()).isEqualTo(4);
        assertThat(crisis.at("/powerTrack/channelId").asText()).isEqualTo(CHANNEL);
        assertThat(crisis.at("/powerTrack/participants").asInt()).isEqualTo(3);
        assertThat(crisis.at("/powerTrack/acknowledged").asInt()).isEqualTo(1);
        api.get("/api/projections").send().json().get("items").forEach(projection ->
                assertThat(projection.get("deadLetters").asLong()).as(projection.get("name").asText()).isZero());
    }

    @Test
    void aReplayRebuildsTheChannelViewFromTheOldEventsAlike() {
        JsonNode before = caughtUpChannel();

        assertThat(api.post("/api/projections/channel-view/replay", "").send().status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode projection = projection("channel-view");
            assertThat(projection.get("replaying").asBoolean()).isFalse();
            assertThat(projection.get("lag").asLong()).isZero();
            assertThat(projection.get("deadLetters").asLong()).isZero();
        });
        JsonNode after = api.get("/api/channels/" + CHANNEL).send().json();
        assertChannelAsStored(after);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theWholeLogStoredBeforeRevisionsVerifiesItsChainsLeavesAndCheckpoint() {
        JsonNode report = api.get("/api/audit/verify").send().json();

        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("events").asLong()).isEqualTo(StoreBeforeRevisions.EVENTS);
        assertThat(report.get("breaks")).isEmpty();
        for (String aggregate : List.of(CRISIS, CHANNEL)) {
            JsonNode chain = api.get("/api/audit/verify?aggregateId=" + aggregate).send().json();
            assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
        }
    }

    @Test
    void theAuditServesAnOldEventAsStoredWithoutARevisionForItsHashCoversThat() {
        JsonNode timeline = api.get("/api/channels/" + CHANNEL + "/timeline").send().json();

        JsonNode convened = timeline.get("entries").get(0);
        assertThat(convened.get("eventType").asText()).isEqualTo("MajorPowerChannelConvened");
        assertThat(convened.get("payloadRevision").isNull()).isTrue();
        JsonNode stored = StoreBeforeRevisions.rows().get("events");
        List<String> storedPayloads = new ArrayList<>();
        stored.forEach(row -> storedPayloads.add(row.get("payload").asText()));
        assertThat(storedPayloads).contains(convened.get("payload").toString());
        assertThat(convened.at("/payload/acknowledgeWithin").asText()).isEqualTo("PT1S");
    }

    private JsonNode caughtUpChannel() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Answer answer = api.get("/api/channels/" + CHANNEL).send();
            assertThat(answer.status()).isEqualTo(200);
            // the channel's last stored event: ASEAN overdue
            assertThat(answer.json().get("version").asLong()).isEqualTo(3);
        });
        return api.get("/api/channels/" + CHANNEL).send().json();
    }

    private static void assertChannelAsStored(JsonNode channel) {
        assertThat(channel.get("acknowledgeWithin").asText()).isEqualTo("PT1S");
        assertThat(Instant.parse(channel.get("acknowledgeBy").asText())).isEqualTo(ACKNOWLEDGE_BY);
        assertThat(channel.get("acknowledged").asInt()).isEqualTo(1);
        List<String> overdue = new ArrayList<>();
        channel.get("participants").forEach(p -> {
            if (p.get("overdue").asBoolean()) {
                overdue.add(p.get("participant").asText());
            }
        });
        assertThat(overdue).containsExactlyInAnyOrder("US", "ASEAN");
    }

    private JsonNode projection(String name) {
        for (JsonNode item : api.get("/api/projections").send().json().get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
