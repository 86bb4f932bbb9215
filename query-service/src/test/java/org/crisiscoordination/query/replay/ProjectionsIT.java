package org.crisiscoordination.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.config.QueryServiceProperties;
import org.crisiscoordination.query.readmodel.TableSet;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventStoreDatabase;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections' progress, and rebuilding one from the first event while reads go on. On a
 * database of its own: a replay switches the board to its other table set, which the shared
 * database's tests that read the board's tables directly must not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionsIT {

    private static final TestDatabase.Database DATABASE = EventStoreDatabase.fresh();

    /** The projections, as the handler classes name their processing groups: independent of what the API lists. */
    private static final List<String> PROJECTIONS = declaredProjections();

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private QueryServiceProperties properties;

    @Autowired
    private JdbcTemplate jdbc;

    @LocalServerPort
    private int port;

    private Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EventStoreDatabase.serve(DATABASE, registry);
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
    }

    @Test
    void everyProjectionRunsWithTheConfiguredBatchSize() {
        List<String> processors = new ArrayList<>(PROJECTIONS);
        PROJECTIONS.forEach(projection -> processors.add(TableSet.B.processor(projection)));
        assertThat(processing.eventProcessors().keySet()).containsExactlyInAnyOrderElementsOf(processors);
        assertThat(properties.projections().batchSize()).isGreaterThan(1);
        processing.eventProcessors().forEach((name, processor) -> assertThat(processor)
                .as(name).isInstanceOf(TrackingEventProcessor.class)
                .extracting("batchSize").isEqualTo(properties.projections().batchSize()));
    }

    @Test
    void reportsEveryProjectionCaughtUpWithTheStore() {
        CrisisId crisis = raised();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode list = api.get("/api/projections").send().json();
            assertThat(list.get("totalItems").asLong()).isEqualTo(PROJECTIONS.size());
            assertThat(list.get("page").asInt()).isZero();
            JsonNode items = list.get("items");
            List<String> names = new ArrayList<>();
            items.forEach(item -> {
                names.add(item.get("name").asText());
                assertThat(item.get("status").asText()).isEqualTo("RUNNING");
                assertThat(item.get("replaying").asBoolean()).isFalse();
                assertThat(item.get("lag").asLong()).isZero();
                assertThat(item.get("progress").asDouble()).isEqualTo(1.0);
                assertThat(item.get("position").asLong()).isGreaterThanOrEqualTo(positionOfLastEvent());
            });
            assertThat(names).containsExactlyElementsOf(PROJECTIONS);
        });
        assertThat(crisis).isNotNull();
    }

    @Test
    void rebuildsAProjectionFromTheFirstEventWhileReadsGoOn() {
        CrisisId crisis = raised();
        new EventAppender(jdbc).notifying().append("Crisis", crisis.toString(),
                new CrisisEscalated(crisis, Severity.of(3), Severity.of(5), "Armed clashes"));
        await().atMost(Duration.ofSeconds(5)).until(() -> severityOf(crisis) == 5);

        Api.Answer replay = api.post("/api/projections/crisis-board/replay", "").send();

        assertThat(replay.status()).isEqualTo(202);
        assertThat(api.get("/api/crises?size=1").send().status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode board = projection("crisis-board");
            assertThat(board.get("replaying").asBoolean()).isFalse();
            assertThat(board.get("lag").asLong()).isZero();
            assertThat(severityOf(crisis)).isEqualTo(5);
        });
        Api.Answer rebuilt = api.get("/api/crises/" + crisis).send();
        assertThat(rebuilt.json().get("version").asLong()).isEqualTo(1);
        assertThat(rebuilt.text("title")).isEqualTo("Flooding along the Mekong");
    }

    @Test
    void answersAProblemForAnUnknownProjection() {
        Api.Answer answer = api.post("/api/projections/no-such-projection/replay", "").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
    }

    private CrisisId raised() {
        CrisisId crisis = CrisisId.random();
        new EventAppender(jdbc).notifying().append("Crisis", crisis.toString(), new RegionalCrisisRaised(crisis,
                "Flooding along the Mekong", "Mekong delta", SecurityTopic.DISASTER_RELIEF, Severity.of(3),
                List.of(StateCode.of("VN"), StateCode.of("KH")), "Villages cut off"));
        return crisis;
    }

    private int severityOf(CrisisId crisis) {
        Api.Answer answer = api.get("/api/crises/" + crisis).send();
        return answer.status() == 200 ? answer.json().get("severity").asInt() : -1;
    }

    private JsonNode projection(String name) {
        for (JsonNode item : api.get("/api/projections").send().json().get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    private static List<String> declaredProjections() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        return scanner.findCandidateComponents("org.crisiscoordination.query").stream()
                .map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), null))
                .map(type -> type.getAnnotation(ProcessingGroup.class).value())
                .distinct().sorted().toList();
    }

    private long positionOfLastEvent() {
        Long last = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry",
                Long.class);
        return last == null ? 0 : last;
    }
}
