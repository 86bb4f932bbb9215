package org.crisiscoordination.query.web;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.StoppableDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While PostgreSQL is down, reads are answered 503 with Retry-After within the pool's timeout (not
 * 500, not after 30 s), the service says it is not ready but still alive, and it recovers by itself
 * when PostgreSQL is back. It runs on a PostgreSQL of its own, which it stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

    /** The pool's connection timeout (1.5 s) and the answer's way back, with room for a slow machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final List<String> READS = List.of("/api/crises", "/api/audit", "/api/metrics/coordination");

    private static final StoppableDatabase DATABASE = withEventStore(StoppableDatabase.start());

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @AfterAll
    static void removeDatabase() {
        DATABASE.close();
    }

    @Test
    void anOutageIsAnswered503WithRetryAfterAndTheServiceRecoversByItself() {
        Api api = new Api("http://localhost:" + port);
        READS.forEach(path -> assertThat(api.get(path).send().status()).as(path).isEqualTo(200));

        DATABASE.stop();
        try {
            for (String path : READS) {
                Api.Answer refused = api.get(path).within(ANSWER_WITHIN).send();
                assertThat(refused.status()).as("%s: %s", path, refused.raw().body()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.text("type")).isEqualTo("urn:crisis-coordination:problem:service-unavailable");
                assertThat(refused.header("Retry-After")).isNotBlank();
            }
            Api.Answer readiness = api.get("/actuator/health/readiness").within(ANSWER_WITHIN).send();
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.text("status")).isEqualTo("DOWN");
            Api.Answer liveness = api.get("/actuator/health/liveness").within(ANSWER_WITHIN).send();
            assertThat(liveness.status()).as("an outage is no reason to restart the service").isEqualTo(200);
        } finally {
            DATABASE.restart();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                READS.forEach(path -> assertThat(api.get(path).within(ANSWER_WITHIN).send().status()).as(path)
                        .isEqualTo(200)));
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    /** The event store's tables, from the same migrations the command service applies. */
    private static StoppableDatabase withEventStore(StoppableDatabase database) {
        Flyway.configure()
                .dataSource(database.url(), database.user(), null)
                .schemas("event_store")
                .defaultSchema("event_store")
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        return database;
    }
}
