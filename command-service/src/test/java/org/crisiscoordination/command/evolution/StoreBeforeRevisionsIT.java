package org.crisiscoordination.command.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.StoredEvents;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.audit.Sha256;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.StoreBeforeRevisions;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.testsupport.TestDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's command service started on a store that an earlier version wrote, before events carried
 * revisions ({@link StoreBeforeRevisions}): its aggregates load through the upcasters and take
 * commands, what it appends links into their old chains, the signer extends the old Merkle log,
 * and no stored row changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crisis.query-service-url=http://query.test:8081")
class StoreBeforeRevisionsIT {

    private static final TestDatabase.Database DATABASE = storeBeforeRevisions();

    private static final String CRISIS = StoreBeforeRevisions.CRISIS_ID;
    private static final String CHANNEL = StoreBeforeRevisions.CHANNEL_ID;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private StoredEvents store;

    /** The old version's tables, holding its rows, before the service starts on them. */
    private static TestDatabase.Database storeBeforeRevisions() {
        TestDatabase.Database database = TestDatabase.fresh();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .schemas("event_store").defaultSchema("event_store")
                .locations("classpath:db/event-store", "classpath:db/migration")
                .load().migrate();
        StoreBeforeRevisions.loadInto(database);
        return database;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", () -> DATABASE.password() == null ? "" : DATABASE.password());
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
        store = new StoredEvents(jdbc);
    }

    @Test
    void aCrisisAndItsChannelStoredBeforeRevisionsTakeCommandsAsAnyOther() {
        StoredEvent lastOld = store.last(CHANNEL);

        // the channel's deadline comes from its first-form event: long past, so the acknowledgement is late
        Api.Answer acknowledged = api.post("/api/channels/" + CHANNEL + "/acknowledgements", Channels.participant("US"))
                .as(TestCaller.delegate("US")).send();
        assertThat(acknowledged.status()).as(acknowledged.raw().body()).isEqualTo(200);
        StoredEvent acknowledgement = store.last(CHANNEL);
        assertThat(acknowledgement.payloadType()).endsWith("ChannelParticipationAcknowledged");
        assertThat(acknowledgement.payload().path("late").asBoolean()).isTrue();
        assertThat(acknowledgement.sequence()).isEqualTo(lastOld.sequence() + 1);
        assertThat(acknowledgement.meta("previousHash")).isEqualTo(lastOld.meta("hash"));

        // the rules still know who acknowledged under the old revision
        assertThat(api.post("/api/channels/" + CHANNEL + "/acknowledgements", Channels.participant("CN"))
                .as(TestCaller.delegate("CN")).send().json().path("rule").asText()).isEqualTo("already-acknowledged");

        // closing the old channel frees the old crisis's power track; a new channel is convened in revision 2
        Api.Answer closed = api.post("/api/channels/" + CHANNEL + "/closure", Channels.closure("NO_CONSENSUS", null))
                .send();
        assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
        Api.Answer convened = api.post("/api/channels", Channels.conveneWith(null, CRISIS, "PT6H", "CN", "US", "ASEAN"))
                .send();
        assertThat(convened.status()).as(convened.raw().body()).isEqualTo(201);
        StoredEvent fresh = store.of(convened.text("channelId")).get(0);
        assertThat(fresh.payloadRevision()).isEqualTo("2");
        assertThat(fresh.payload().path("acknowledgement").path("within").asText()).isEqualTo("PT6H");
        assertThat(fresh.payload().has("acknowledgeBy")).isFalse();

        for (String aggregate : List.of(CRISIS, CHANNEL, convened.text("channelId"))) {
            assertChainHolds(store.of(aggregate));
        }
    }

    @Test
    void theRevisionOfANewEventIsCoveredByItsHash() {
        String crisis = Crises.raise(api);
        Api.Answer convened = api.post("/api/channels", Channels.convene(crisis, "CN", "ASEAN")).send();
        assertThat(convened.status()).as(convened.raw().body()).isEqualTo(201);
        String channel = convened.text("channelId");

        StoredEvent event = store.of(channel).get(0);

        assertThat(HashChain.hash(HashChain.GENESIS, record(event))).isEqualTo(event.meta("hash"));
        AuditRecord withoutRevision = new AuditRecord(event.type(), event.aggregateId(), event.sequence(),
                simpleName(event), event.payload(), event.timeStamp(), event.meta("actor"), event.meta("onBehalfOf"),
                event.meta("commandId"), event.meta("correlationId"), event.meta("causationId"));
        assertThat(HashChain.hash(HashChain.GENESIS, withoutRevision)).isNotEqualTo(event.meta("hash"));
    }

    @Test
    void theRowsStoredBeforeRevisionsAreNeverRewritten() {
        api.post("/api/channels/" + CHANNEL + "/acknowledgements", Channels.participant("ASEAN"))
                .as(TestCaller.delegate("ASEAN")).send();

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select global_index, payload_revision, convert_from(payload, 'UTF8') as payload,
                       convert_from(meta_data, 'UTF8') as meta_data
                from event_store.domain_event_entry where global_index <= ? order by global_index""",
                StoreBeforeRevisions.LAST_POSITION);
        List<String> stored = new ArrayList<>();
        rows.forEach(row -> stored.add(row.get("global_index") + " " + row.get("payload_revision") + " "
                + row.get("payload") + " " + row.get("meta_data")));
        List<String> dumped = new ArrayList<>();
        StoreBeforeRevisions.rows().get("events").forEach(row -> dumped.add(row.get("global_index").asLong() + " null "
                + row.get("payload").asText() + " " + row.get("meta_data").asText()));
        assertThat(stored).containsExactlyElementsOf(dumped).hasSize(StoreBeforeRevisions.EVENTS);
    }

    @Test
    void theSignerChecksTheOldLogAndExtendsItWithACheckpointChainedToTheOldOne() {
        api.post("/api/crises/" + CRISIS + "/minilateral-involvements",
                "{\"bloc\":\"QUAD\",\"description\":\"Joint patrols near the hotspot\"}").send();
        JsonNode old = StoreBeforeRevisions.rows().get("checkpoints").get(0);

        Api.Answer checkpoint = api.post("/api/audit/checkpoints", null).send();

        // before signing, the signer recomputes the old checkpoint's root from the stored leaves (else log-tampered)
        assertThat(checkpoint.status()).as(checkpoint.raw().body()).isEqualTo(201);
        assertThat(checkpoint.json().get("treeSize").asLong()).isGreaterThan(StoreBeforeRevisions.EVENTS);
        assertThat(checkpoint.text("previous"))
                .isEqualTo(Sha256.hex(old.get("note").asText()));
    }

    private static void assertChainHolds(List<StoredEvent> events) {
        String previous = HashChain.GENESIS;
        for (StoredEvent event : events) {
            assertThat(event.meta("previousHash")).as("link of %s/%d", event.aggregateId(), event.sequence())
                    .isEqualTo(previous);
            assertThat(HashChain.hash(previous, record(event))).as("hash of %s/%d", event.aggregateId(), event.sequence())
                    .isEqualTo(event.meta("hash"));
            previous = event.meta("hash");
        }
    }

    private static AuditRecord record(StoredEvent event) {
        return new AuditRecord(event.type(), event.aggregateId(), event.sequence(), simpleName(event), event.payload(),
                event.timeStamp(), event.meta("actor"), event.meta("onBehalfOf"), event.meta("commandId"),
                event.meta("correlationId"), event.meta("causationId"), event.payloadRevision());
    }

    private static String simpleName(StoredEvent event) {
        return event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
    }
}
