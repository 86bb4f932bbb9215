package org.crisiscoordination.command.web;

import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.StoppableDatabase;
import org.crisiscoordination.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * While PostgreSQL is down, a write is answered 503 with Retry-After within the pool's timeout
 * (not after 30 s, not 500), the service says it is not ready but still alive, and it recovers by
 * itself when PostgreSQL is back. It runs on a PostgreSQL of its own, which it stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crisis.query-service-url=http://query.test:8081")
class DatabaseOutageIT {

    /** The pool's connection timeout (1.5 s) and the answer's way back, with room for a slow machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private static final StoppableDatabase DATABASE = StoppableDatabase.start();

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
        assertThat(api.post("/api/crises", Crises.RAISE).send().status()).isEqualTo(201);

        DATABASE.stop();
        try {
            Api.Answer refused = api.post("/api/crises", Crises.RAISE).within(ANSWER_WITHIN).send();
            assertProblem(refused, 503, "service-unavailable", "/api/crises");
            assertThat(refused.header("Retry-After")).isNotBlank();

            Api.Answer readiness = api.get("/actuator/health/readiness").within(ANSWER_WITHIN).send();
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.text("status")).isEqualTo("DOWN");
            Api.Answer liveness = api.get("/actuator/health/liveness").within(ANSWER_WITHIN).send();
            assertThat(liveness.status()).as("an outage is no reason to restart the service").isEqualTo(200);
        } finally {
            DATABASE.restart();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api.post("/api/crises", Crises.RAISE).within(ANSWER_WITHIN).send().status()).isEqualTo(201));
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }
}
