package org.crisiscoordination.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.QueryServiceApplication;
import org.crisiscoordination.query.readmodel.TableSet;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventStoreDatabase;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blue/green replays of the crisis board over a store of many events, on a database of its own:
 * readers never see a half-built, empty or failing board, a consistency token keeps its meaning
 * across the switch, and a second instance of the service on the same database honours a replay
 * asked of either. {@code -Dcrisis.replay.events=100000} runs the long form (5,000 events by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlueGreenReplayIT {

    private static final int EVENTS = Integer.getInteger("crisis.replay.events", 5_000);
    /** Each crisis is raised and escalated four times, from severity 1 to 5. */
    private static final int EVENTS_PER_CRISIS = 5;
    private static final String BOARD = "crisis-board";
    private static final TestDatabase.Database DATABASE = EventStoreDatabase.fresh();
    private static final Duration REPLAY_LIMIT = Duration.ofSeconds(Math.max(120, EVENTS / 100));

    private static volatile int crises;
    private static CrisisId probe;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private EventAppender store;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EventStoreDatabase.serve(DATABASE, registry);
    }

    @BeforeEach
    void connect() throws Exception {
        api = new Api("http://localhost:" + port);
        store = new EventAppender(jdbc).notifying();
        if (crises == 0) {
            fill();
        }
    }

    @Test
    @Order(1)
    void readersSeeTheWholeBoardThroughoutAReplayWhoseProgressClimbsToOneAndTokensKeepTheirMeaning() throws Exception {
        long before = board(api).get("version").asLong();
        AtomicBoolean replayDone = new AtomicBoolean();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> samples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService watchers = Executors.newFixedThreadPool(2);
        Future<Integer> reads = watchers.submit(() -> readUntil(replayDone, problems));
        long started = System.nanoTime();

        Api.Answer replay = api.post("/api/projections/" + BOARD + "/replay", "").send();
        Api.Answer again = api.post("/api/projections/" + BOARD + "/replay", "").send();
        watchers.submit(() -> sampleUntil(replayDone, samples));
        CrisisId duringReplay = raise("Raised while the board is rebuilt");
        String tokenBeforeSwitch = new ConsistencyToken(lastPosition()).encode();
        await().atMost(REPLAY_LIMIT).pollInterval(Duration.ofMillis(50))
                .until(() -> board(api).get("version").asLong() == before + 1);
        double seconds = (System.nanoTime() - started) / 1e9;
        replayDone.set(true);
        int readsDone = reads.get();
        watchers.shutdown();
        Api.Answer read = api.get("/api/crises/" + duringReplay).header("X-Consistency-Token", tokenBeforeSwitch).send();
        CrisisId afterSwitch = raise("Raised once the new version serves");
        Api.Answer later = api.get("/api/crises/" + afterSwitch)
                .header("X-Consistency-Token", new ConsistencyToken(lastPosition()).encode()).send();

        List<Double> building = samples.stream().filter(sample -> sample.get("replaying").asBoolean())
                .map(sample -> sample.get("progress").asDouble()).toList();
        System.out.printf("Replay of %s over %d events: %.1f s, %.0f events/s, %d reads meanwhile, none refused or"
                        + " short: %s; progress sampled %d times while replaying, from %s to %s%n",
                BOARD, EVENTS, seconds, EVENTS / seconds, readsDone, problems.isEmpty(), building.size(),
                building.isEmpty() ? "-" : building.get(0), building.isEmpty() ? "-" : building.get(building.size() - 1));
        assertThat(replay.status()).isEqualTo(202);
        assertThat(again.status()).as("a replay asked for while one is in progress").isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:crisis-coordination:problem:replay-refused");
        assertThat(problems).as("what readers saw during the replay").isEmpty();
        assertThat(readsDone).isPositive();
        assertThat(building).as("progress while replaying").isNotEmpty().isSorted().allMatch(p -> p >= 0 && p < 1);
        assertThat(building.get(0)).isLessThan(0.5);
        assertThat(read.status()).as("a token of a write before the switch, after it").isEqualTo(200);
        assertThat(read.text("title")).isEqualTo("Raised while the board is rebuilt");
        assertThat(later.status()).as("the gate follows the served version's processor, not the stopped one")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = board(api);
            assertThat(after.get("replaying").asBoolean()).isFalse();
            assertThat(after.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(after.get("estimatedTimeLeft").isNull()).isTrue();
            assertThat(after.get("segments")).isNotEmpty().allMatch(segment -> !segment.get("owner").isNull());
            assertThat(state()).isEqualTo("IDLE");
        });
        assertThat(jdbc.queryForObject("select count(*) from " + retiredSet().schema() + ".crisis", Long.class))
                .as("the replaced version's table, emptied").isZero();
    }

    @Test
    @Order(2)
    void aReplayAskedOfOneInstanceIsCarriedOutOnceAndBothServeTheNewVersion() {
        await().atMost(Duration.ofSeconds(30)).until(() -> state().equals("IDLE"));
        try (ConfigurableApplicationContext second = secondInstance()) {
            Api other = new Api("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort());
            long before = board(other).get("version").asLong();

            assertThat(other.post("/api/projections/" + BOARD + "/replay", "").send().status()).isEqualTo(202);

            for (Api instance : List.of(api, other)) {
                await().atMost(REPLAY_LIMIT).untilAsserted(() -> {
                    JsonNode board = board(instance);
                    assertThat(board.get("version").asLong()).isEqualTo(before + 1);
                    assertThat(board.get("replaying").asBoolean()).isFalse();
                    assertThat(instance.get("/api/crises?size=1").send().json().get("totalItems").asInt())
                            .isEqualTo(crises);
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> state().equals("IDLE"));
            assertThat(board(api).get("version").asLong()).as("carried out once").isEqualTo(before + 1);
            assertThat(board(other).get("version").asLong()).isEqualTo(before + 1);
        }
    }

    /** Reads the board until told to stop; any answer but the whole board (never shrinking) is a problem. */
    private int readUntil(AtomicBoolean done, List<String> problems) {
        int reads = 0;
        int largest = crises;
        while (!done.get()) {
            Api.Answer page = api.get("/api/crises?size=5").send();
            Api.Answer one = api.get("/api/crises/" + probe).send();
            reads += 2;
            int total = page.status() == 200 ? page.json().get("totalItems").asInt() : -1;
            if (page.status() != 200 || total < largest || page.json().get("items").size() != 5) {
                problems.add("board page: " + page.status() + " " + page.raw().body());
            }
            largest = Math.max(largest, total);
            if (one.status() != 200 || one.json().get("severity").asInt() != 5) {
                problems.add("crisis: " + one.status() + " " + one.raw().body());
            }
        }
        return reads;
    }

    private void sampleUntil(AtomicBoolean done, List<JsonNode> samples) {
        while (!done.get()) {
            samples.add(board(api));
        }
    }

    private static JsonNode board(Api instance) {
        for (JsonNode item : instance.get("/api/projections").send().json().get("items")) {
            if (item.get("name").asText().equals(BOARD)) {
                return item;
            }
        }
        throw new AssertionError("no projection " + BOARD);
    }

    private String state() {
        return jdbc.queryForObject("select state from read_model.served_read_model where projection = ?", String.class,
                BOARD);
    }

    private TableSet retiredSet() {
        return TableSet.named(jdbc.queryForObject("select served_set from read_model.served_read_model"
                + " where projection = ?", String.class, BOARD)).other();
    }

    /** {@value #EVENTS_PER_CRISIS} events per crisis, appended by a few writers at once, then awaited on the board. */
    private void fill() throws Exception {
        int count = EVENTS / EVENTS_PER_CRISIS;
        List<CrisisId> raised = IntStream.range(0, count).mapToObj(i -> CrisisId.random()).toList();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> appends = new ArrayList<>();
        EventAppender quiet = new EventAppender(jdbc);
        for (CrisisId crisis : raised) {
            appends.add(writers.submit(() -> {
                quiet.append("Crisis", crisis.toString(), raised(crisis, "Crisis " + crisis));
                for (int severity = 2; severity <= 5; severity++) {
                    quiet.append("Crisis", crisis.toString(), new CrisisEscalated(crisis, Severity.of(severity - 1),
                            Severity.of(severity), "Escalation"));
                }
            }));
        }
        for (Future<?> append : appends) {
            append.get();
        }
        writers.shutdown();
        crises = count;
        probe = raised.get(0);
        await().atMost(REPLAY_LIMIT).until(() -> {
            Api.Answer page = api.get("/api/crises?size=1&minSeverity=5").send();
            return page.status() == 200 && page.json().get("totalItems").asInt() == crises;
        });
    }

    private CrisisId raise(String title) {
        CrisisId crisis = CrisisId.random();
        store.append("Crisis", crisis.toString(), raised(crisis, title));
        crises++;
        return crisis;
    }

    private static RegionalCrisisRaised raised(CrisisId crisis, String title) {
        return new RegionalCrisisRaised(crisis, title, "Mekong delta", SecurityTopic.DISASTER_RELIEF, Severity.of(1),
                List.of(StateCode.of("VN"), StateCode.of("KH")), "Villages cut off");
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    /** Another instance of the service on the same database, claiming tokens under a name of its own. */
    private static ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(TokenStore.class,
                        () -> JdbcTokenStore.builder()
                                .connectionProvider(context.getBean(ConnectionProvider.class))
                                .serializer(context.getBean("serializer", Serializer.class))
                                .schema(context.getBean(TokenSchema.class))
                                .nodeId("second-instance")
                                .build()))
                .run("--server.port=0", "--spring.datasource.url=" + DATABASE.url(),
                        "--spring.datasource.username=" + DATABASE.user(),
                        "--spring.datasource.password=" + (DATABASE.password() == null ? "" : DATABASE.password()),
                        "--" + TestTokens.PUBLIC_KEY_PROPERTY + "=" + TestTokens.publicKeyLocation());
    }
}
