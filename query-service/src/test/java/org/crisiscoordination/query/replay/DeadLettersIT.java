package org.crisiscoordination.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.json.CrisisJson;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No single event stops a projection: one the board can never store (a title holding U+0000,
 * which a PostgreSQL text column refuses) is parked in the board's dead-letter queue with the
 * rest of its crisis's events, and the board goes on with every other crisis.
 */
class DeadLettersIT extends QueryServiceIT {

    @Autowired
    private MeterRegistry metrics;

    @Test
    void parksAnEventThatCanNeverBeStoredAndGoesOnWithTheOthers() {
        long before = deadLetters(); // other tests of this class park events in the same store
        EventAppender store = new EventAppender(jdbc).notifying();
        CrisisId poison = CrisisId.random();
        ObjectNode raised = CrisisJson.forMessages().valueToTree(raised(poison));
        raised.put("title", "a\u0000b");
        store.append(AggregateTypes.CRISIS, poison.toString(), RegionalCrisisRaised.class, raised);
        CrisisId ordinary = CrisisId.random();
        long last = store.append(AggregateTypes.CRISIS, ordinary.toString(), raised(ordinary)).position();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/api/crises/" + ordinary).send().status()).isEqualTo(200);
            JsonNode board = projection("crisis-board");
            assertThat(board.get("deadLetters").asLong()).isEqualTo(before + 1);
            assertThat(board.get("position").asLong()).isGreaterThanOrEqualTo(last);
            assertThat(board.get("status").asText()).isEqualTo("RUNNING");
        });
        assertThat(api.get("/api/crises/" + poison).send().status()).isEqualTo(404);
        assertThat(projection("channel-view").get("deadLetters").asLong()).isZero();
        assertThat(metrics.get("crisis.projection.dead.letters").tag("projection", "crisis-board").gauge().value())
                .isEqualTo(before + 1.0);
    }

    @Test
    void parksTheLaterEventsOfTheParkedCrisisOnlyBehindIt() {
        EventAppender store = new EventAppender(jdbc).notifying();
        long before = deadLetters();
        CrisisId poison = CrisisId.random();
        ObjectNode raised = CrisisJson.forMessages().valueToTree(raised(poison));
        raised.put("summary", "\u0000");
        store.append(AggregateTypes.CRISIS, poison.toString(), RegionalCrisisRaised.class, raised);
        CrisisId ordinary = CrisisId.random();
        store.append(AggregateTypes.CRISIS, ordinary.toString(), raised(ordinary));
        // the two crises may fall in different segments: wait for both, the poison parked too
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/crises/" + ordinary).send().status() == 200
                && deadLetters() == before + 1);
        long parked = deadLetters();

        store.append(AggregateTypes.CRISIS, poison.toString(),
                new CrisisEscalated(poison, Severity.of(3), Severity.of(5), "Armed clashes"));
        long last = store.append(AggregateTypes.CRISIS, ordinary.toString(),
                new CrisisEscalated(ordinary, Severity.of(3), Severity.of(5), "Armed clashes")).position();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Answer crisis = api.get("/api/crises/" + ordinary).send();
            assertThat(crisis.json().get("severity").asInt()).isEqualTo(5);
            assertThat(projection("crisis-board").get("position").asLong()).isGreaterThanOrEqualTo(last);
        });
        assertThat(deadLetters()).isEqualTo(parked + 1);
    }

    private long deadLetters() {
        return projection("crisis-board").get("deadLetters").asLong();
    }

    private static RegionalCrisisRaised raised(CrisisId crisis) {
        return new RegionalCrisisRaised(crisis, "Flooding along the Mekong", "Mekong delta",
                SecurityTopic.DISASTER_RELIEF, Severity.of(3), List.of(StateCode.of("VN"), StateCode.of("KH")),
                "Villages cut off");
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
