package org.crisiscoordination.query.web;

import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventStoreDatabase;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read-your-writes with {@code X-Consistency-Token}, and the NOTIFY that wakes the projections.
 * This context polls the store only every 30 s and runs on a database of its own (so no other test
 * context's processor, polling every second, can project an event in its place): an event on the
 * board within a fraction of a second can only have come through the notification. So every
 * append here notifies, as the command service's appends do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// one segment: these tests hold the wake-up to half a second; with the default two segments a token
// was once not covered within it (it was within the default 5 s), which is open (see the README)
@TestPropertySource(properties = {"crisis.consistency.max-wait=PT0.5S", "crisis.projections.poll-interval=PT30S",
        "crisis.projections.segments=1"})
class ConsistencyTokenIT {

    private static final TestDatabase.Database DATABASE = EventStoreDatabase.fresh();
    private static final Duration MAX_WAIT = Duration.ofMillis(500);

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
    void connect() {
        api = new Api("http://localhost:" + port);
        store = new EventAppender(jdbc).notifying();
    }

    @Test
    void anAppendedEventShowsOnTheBoardWithinMillisecondsOfItsNotification() {
        CrisisId warmUp = CrisisId.random();
        store.append("Crisis", warmUp.toString(), raised(warmUp));
        // the processor has claimed its segment and is waiting for events
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/crises/" + warmUp).send().status() == 200);
        CrisisId crisis = CrisisId.random();

        store.append("Crisis", crisis.toString(), raised(crisis));

        await().atMost(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(10))
                .until(() -> api.get("/api/crises/" + crisis).send().status() == 200);
    }

    @Test
    void aReadWithATokenForAProjectedWriteAnswersAtOnce() {
        CrisisId crisis = CrisisId.random();
        long position = store.append("Crisis", crisis.toString(), raised(crisis)).position();
        await().atMost(Duration.ofSeconds(1)).until(() -> api.get("/api/crises/" + crisis).send().status() == 200);

        long started = System.nanoTime();
        Api.Answer answer = api.get("/api/crises/" + crisis).header(ConsistencyGate.HEADER, token(position)).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(MAX_WAIT);
    }

    @Test
    void aReadWithATokenWaitsForItsWriteAndThenShowsIt() {
        CrisisId crisis = CrisisId.random();

        long position = store.append("Crisis", crisis.toString(), raised(crisis)).position();
        Api.Answer answer = api.get("/api/crises/" + crisis).header(ConsistencyGate.HEADER, token(position)).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("crisisId")).isEqualTo(crisis.toString());
    }

    @Test
    void aTokenForAPositionFarAheadIsNotYetConsistentAfterTheLongestWait() {
        CrisisId crisis = CrisisId.random();
        long position = store.append("Crisis", crisis.toString(), raised(crisis)).position();
        await().atMost(Duration.ofSeconds(1)).until(() -> api.get("/api/crises/" + crisis).send().status() == 200);

        long started = System.nanoTime();
        Api.Answer answer = api.get("/api/crises/" + crisis)
                .header(ConsistencyGate.HEADER, token(position + 1_000_000)).send();
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank().containsOnlyDigits();
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-yet-consistent");
        assertThat(answer.json().get("status").asInt()).isEqualTo(503);
        assertThat(answer.text("instance")).isEqualTo("/api/crises/" + crisis);
        assertThat(waited).isGreaterThanOrEqualTo(MAX_WAIT).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theBoardListWaitsForATokenToo() {
        Api.Answer answer = api.get("/api/crises").header(ConsistencyGate.HEADER, token(Long.MAX_VALUE / 2)).send();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    // not base64; p2:12; p1:-1; p1:012; p1:; p1: one more than the largest long
    @ValueSource(strings = {"garbage!", "p1:12", "cDI6MTI", "cDE6LTE", "cDE6MDEy", "cDE6",
            "cDE6OTIyMzM3MjAzNjg1NDc3NTgwOA"})
    void aMalformedTokenIsAnInvalidRequestNamingTheHeader(String malformed) {
        Api.Answer answer = api.get("/api/crises").header(ConsistencyGate.HEADER, malformed).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(ConsistencyGate.HEADER);
    }

    @Test
    void readsStraightFromTheStoreDoNotWaitForAToken() {
        CrisisId crisis = CrisisId.random();
        long position = store.append("Crisis", crisis.toString(), raised(crisis)).position();
        String future = token(position + 1_000_000);

        Api.Answer log = api.get("/api/audit").header(ConsistencyGate.HEADER, future).send();
        Api.Answer timeline = api.get("/api/crises/" + crisis + "/timeline").header(ConsistencyGate.HEADER, future)
                .send();
        Api.Answer verification = api.get("/api/audit/verify?aggregateId=" + crisis)
                .header(ConsistencyGate.HEADER, future).send();

        assertThat(log.status()).isEqualTo(200);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(verification.status()).isEqualTo(200);
    }

    private static String token(long position) {
        String encoded = new ConsistencyToken(position).encode();
        // the token is opaque to clients, but its form is part of this test's premise
        assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII))
                .isEqualTo("p1:" + position);
        return encoded;
    }

    private static RegionalCrisisRaised raised(CrisisId crisis) {
        return new RegionalCrisisRaised(crisis, "Outbreak", "Mekong delta", SecurityTopic.PUBLIC_HEALTH,
                Severity.of(2), List.of(StateCode.of("VN")), "cases rising");
    }
}
