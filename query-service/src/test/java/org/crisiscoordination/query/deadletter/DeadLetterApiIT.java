package org.crisiscoordination.query.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.readmodel.TableSet;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crisis board's dead letters through the projection API, over real PostgreSQL. A poison
 * crisis is one the board's table refuses (a CHECK constraint naming it, SQLState 23514: a
 * deterministic failure), so its events are parked while other crises go on; dropping the
 * constraint fixes the cause, after which a retry lets the board catch up.
 */
class DeadLetterApiIT extends QueryServiceIT {

    private static final String BOARD = "/api/projections/crisis-board/dead-letters";

    @Autowired
    private MeterRegistry metrics;

    private History history;
    private CrisisId poison;
    private String constraint;
    /** The board's table in the set it serves (a replay in another test may have switched it). */
    private String crisisTable;

    @BeforeEach
    void aCrisisTheBoardRefuses() {
        history = new History(events.notifying());
        poison = CrisisId.random();
        constraint = "refuses_" + poison.toString().replace("-", "_");
        crisisTable = TableSet.named(jdbc.queryForObject("select served_set from read_model.served_read_model"
                + " where projection = 'crisis-board'", String.class)).schema() + ".crisis";
        jdbc.execute("alter table " + crisisTable + " add constraint " + constraint
                + " check (crisis_id <> '" + poison + "')");
    }

    @AfterEach
    void fixTheCause() {
        jdbc.execute("alter table " + crisisTable + " drop constraint if exists " + constraint);
        api.delete(BOARD + "/" + poison).as(TestCaller.operator()).send();
    }

    @Test
    void listsTheParkedEventWithItsCrisisWaitingBehindWhileOtherCrisesGoOn() {
        long raisedAt = history.crisis(poison, raised(poison), Instant.now()).position();
        long escalatedAt = history.crisis(poison, escalated(poison), Instant.now()).position();
        CrisisId other = CrisisId.random();
        history.crisis(other, raised(other), Instant.now());
        history.crisis(other, escalated(other), Instant.now());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/api/crises/" + other).send().json().path("severity").asInt()).isEqualTo(5);
            assertThat(lettersOf(poison)).hasSize(2);
        });
        List<JsonNode> letters = lettersOf(poison);
        JsonNode blocking = letters.get(0);
        assertThat(blocking.get("eventType").asText()).isEqualTo("RegionalCrisisRaised");
        assertThat(blocking.get("position").asLong()).isEqualTo(raisedAt);
        assertThat(blocking.get("aggregateId").asText()).isEqualTo(poison.toString());
        assertThat(blocking.get("cause").get("message").asText()).contains(constraint);
        assertThat(blocking.get("waitingBehind").asLong()).isEqualTo(1);
        assertThat(blocking.get("enqueuedAt").asText()).isNotBlank();
        JsonNode waiting = letters.get(1);
        assertThat(waiting.get("eventType").asText()).isEqualTo("CrisisEscalated");
        assertThat(waiting.get("position").asLong()).isEqualTo(escalatedAt);
        assertThat(waiting.get("cause").isNull()).as("parked behind, not failed").isTrue();
        assertThat(waiting.get("waitingBehind").asLong()).isZero();
        assertThat(api.get("/api/crises/" + poison).send().status()).isEqualTo(404);
    }

    @Test
    void aRetryBeforeTheCauseIsFixedParksTheSequenceAgainAndOneAfterItLetsTheBoardCatchUp() {
        history.crisis(poison, raised(poison), Instant.now());
        history.crisis(poison, escalated(poison), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> lettersOf(poison).size() == 2);
        String touched = lettersOf(poison).get(0).get("lastTouchedAt").asText();

        JsonNode stillBroken = operator(api.post(BOARD + "/" + poison + "/retry", null));
        assertThat(stillBroken.get("sequences").asInt()).isEqualTo(1);
        assertThat(stillBroken.get("released").asInt()).isZero();
        assertThat(lettersOf(poison)).hasSize(2);
        assertThat(Instant.parse(lettersOf(poison).get(0).get("lastTouchedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(touched));

        jdbc.execute("alter table " + crisisTable + " drop constraint " + constraint);
        JsonNode fixed = operator(api.post(BOARD + "/retry", null));

        assertThat(fixed.get("released").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(lettersOf(poison)).isEmpty();
        Api.Answer crisis = api.get("/api/crises/" + poison).send();
        assertThat(crisis.status()).isEqualTo(200);
        assertThat(crisis.json().get("severity").asInt()).as("the waiting escalation was handled too").isEqualTo(5);
        assertThat(fixed.get("deadLetters").asLong()).isEqualTo(total());
    }

    @Test
    void anEvictedSequenceLeavesTheQueueAndTheCountAndLaterEventsOfItAreHandled() {
        history.crisis(poison, raised(poison), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> lettersOf(poison).size() == 1);
        long before = total();
        assertThat(gauge()).isEqualTo(before);

        Api.Answer evicted = api.delete(BOARD + "/" + poison).as(TestCaller.operator()).send();

        assertThat(evicted.status()).isEqualTo(204);
        assertThat(lettersOf(poison)).isEmpty();
        assertThat(total()).isEqualTo(before - 1);
        assertThat(gauge()).isEqualTo(before - 1);
        jdbc.execute("alter table " + crisisTable + " drop constraint " + constraint);
        long later = history.crisis(poison, escalated(poison), Instant.now()).position();
        await().atMost(Duration.ofSeconds(10)).until(() -> boardPosition() >= later);
        assertThat(lettersOf(poison)).as("handled, not parked behind a letter that is gone").isEmpty();
        assertThat(api.get("/api/crises/" + poison).send().status()).as("its raise was given up on").isEqualTo(404);
    }

    @Test
    void everyProjectionCountsItsDeadLettersAsAMetric() {
        for (JsonNode projection : operator(api.get("/api/projections")).get("items")) {
            String name = projection.get("name").asText();
            double gauge = metrics.get("crisis.projection.dead.letters").tag("projection", name).gauge().value();
            assertThat(gauge).as(name).isEqualTo(operator(api.get("/api/projections/" + name + "/dead-letters"))
                    .get("totalItems").asDouble());
        }
        assertThat(metrics.find("crisis.projection.dead.letters").tag("projection", "hotspot-heat-map").gauge())
                .isNotNull();
    }

    @Test
    void anUnknownProjectionIs404AndAnyoneButTheOperatorIs403() {
        for (Api.Request request : List.of(api.get("/api/projections/no-such/dead-letters"),
                api.post("/api/projections/no-such/dead-letters/retry", null),
                api.post("/api/projections/no-such/dead-letters/" + poison + "/retry", null),
                api.delete("/api/projections/no-such/dead-letters/" + poison))) {
            Api.Answer answer = request.as(TestCaller.operator()).send();
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:crisis-coordination:problem:not-found");
        }
        for (Api.Request request : List.of(api.get(BOARD), api.post(BOARD + "/retry", null),
                api.delete(BOARD + "/" + poison))) {
            Api.Answer answer = request.as(TestCaller.auditor()).send();
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aBadPageIs400() {
        Api.Answer answer = api.get(BOARD + "?page=-1&size=0").as(TestCaller.operator()).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors")).hasSize(2);
    }

    private List<JsonNode> lettersOf(CrisisId crisis) {
        JsonNode page = operator(api.get(BOARD + "?size=200"));
        List<JsonNode> letters = new ArrayList<>();
        page.get("items").forEach(letter -> {
            if (letter.get("sequence").asText().equals(crisis.toString())) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private long total() {
        return operator(api.get(BOARD + "?size=1")).get("totalItems").asLong();
    }

    private long gauge() {
        return (long) metrics.get("crisis.projection.dead.letters").tag("projection", "crisis-board").gauge().value();
    }

    private long boardPosition() {
        for (JsonNode projection : operator(api.get("/api/projections")).get("items")) {
            if (projection.get("name").asText().equals("crisis-board")) {
                return projection.get("position").asLong();
            }
        }
        throw new AssertionError("no crisis-board");
    }

    private static JsonNode operator(Api.Request request) {
        Api.Answer answer = request.as(TestCaller.operator()).send();
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    private static RegionalCrisisRaised raised(CrisisId crisis) {
        return new RegionalCrisisRaised(crisis, "Border clash", "Galwan valley", SecurityTopic.MARITIME_SECURITY,
                Severity.of(3), List.of(StateCode.of("IN"), StateCode.of("CN")), "Patrols met");
    }

    private static CrisisEscalated escalated(CrisisId crisis) {
        return new CrisisEscalated(crisis, Severity.of(3), Severity.of(5), "Casualties");
    }
}
