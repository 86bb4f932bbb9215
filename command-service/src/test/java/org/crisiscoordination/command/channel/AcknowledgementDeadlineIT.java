package org.crisiscoordination.command.channel;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.PowerTrackStore;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.crisiscoordination.command.support.ValidChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisiscoordination.command.support.Channels.path;
import static org.crisiscoordination.command.support.PowerTrackStore.OVERDUE;

/**
 * Each participant's acknowledgement deadline, kept by Axon's db-scheduler deadline manager in
 * {@code event_store.scheduled_tasks} (polled every second): written by the convening transaction,
 * cancelled by an acknowledgement or the closing of the channel, and, when it falls due for a
 * participant who has not acknowledged, recording {@code ChannelAcknowledgementOverdue} as the
 * system, in the conversation of the convene. Every test waits until the deadlines it scheduled
 * have fired or are gone, so that none fires later in another test.
 */
class AcknowledgementDeadlineIT extends CommandServiceIT {

    private static final Duration FIRES_WITHIN = Duration.ofSeconds(15);

    private PowerTrackStore store;
    private String crisisId;

    @BeforeEach
    void aCrisis() {
        store = new PowerTrackStore(jdbc);
        crisisId = Crises.raise(api);
    }

    @Test
    void conveningSchedulesOneDeadlinePerParticipantInTheConveningTransaction() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "RU", "ASEAN");

        StoredEvent convened = store.single(channelId, "MajorPowerChannelConvened");
        assertThat(store.deadlines(channelId)).isEqualTo(4);
        for (String participant : List.of("CN", "US", "RU", "ASEAN")) {
            assertThat(store.deadline(channelId, participant)).as(participant).isEqualTo(1);
        }
        assertThat(store.deadline(channelId, "JP")).isZero();
        assertThat(store.deadlineTransactions(channelId)).hasSize(4).containsOnly(store.transactionOf(convened));

        Channels.ok(api, path(channelId, "/closure"), Channels.closure("SUPERSEDED", null));

        assertThat(store.deadlines(channelId)).isZero();
    }

    @Test
    void aParticipantThatHasNotAcknowledgedInTimeIsRecordedOverdueByTheSystemInTheConvenesConversation() {
        String correlationId = "convene-" + crisisId;
        Api.Answer convened = api.post("/api/channels", Channels.conveneWith(null, crisisId, "PT2S", "CN", "US", "ASEAN"))
                .header("X-Correlation-Id", correlationId).send();
        assertThat(convened.status()).as(convened.raw().body()).isEqualTo(201);
        String channelId = convened.text("channelId");
        Instant acknowledgeBy = acknowledgeBy(channelId);

        Channels.ok(api, path(channelId, "/acknowledgements"), Channels.participant("CN"));

        assertThat(store.single(channelId, "ChannelParticipationAcknowledged").payload().path("late").asBoolean())
                .as("CN acknowledged before its deadline %s", acknowledgeBy).isFalse();
        assertThat(store.deadline(channelId, "CN")).as("CN's deadline is cancelled").isZero();
        assertThat(store.deadlines(channelId)).isEqualTo(2);

        await().atMost(FIRES_WITHIN).untilAsserted(() ->
                assertThat(overdueParticipants(channelId)).containsExactlyInAnyOrder("US", "ASEAN"));
        await().atMost(FIRES_WITHIN).until(() -> store.deadlines(channelId) == 0);

        assertThat(overdueParticipants(channelId)).containsExactlyInAnyOrder("US", "ASEAN");
        for (StoredEvent overdue : store.ofType(channelId, OVERDUE)) {
            assertThat(overdue.meta("actor")).isEqualTo("system");
            assertThat(overdue.meta("correlationId")).isEqualTo(correlationId);
            assertThat(overdue.metaData().has("onBehalfOf")).isFalse();
            assertThat(overdue.meta("causationId")).isNotBlank();
            assertThat(overdue.payload().path("channelId").asText()).isEqualTo(channelId);
            assertThat(Instant.parse(overdue.payload().path("due").asText())).isEqualTo(acknowledgeBy);
            assertThat(Instant.parse(overdue.timeStamp())).isAfterOrEqualTo(acknowledgeBy.minusMillis(1));
        }
        List<StoredEvent> events = store.events(channelId);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).meta("previousHash")).isEqualTo(events.get(i - 1).meta("hash"));
        }
    }

    @Test
    void anAcknowledgementAfterTheDeadlineIsAcceptedAndRecordedAsLate() {
        String channelId = conveneWithinTwoSeconds("CN", "ASEAN");
        Instant acknowledgeBy = acknowledgeBy(channelId);
        await().atMost(FIRES_WITHIN).untilAsserted(() ->
                assertThat(overdueParticipants(channelId)).containsExactlyInAnyOrder("CN", "ASEAN"));

        Api.Answer answer = api.post(path(channelId, "/acknowledgements"), Channels.participant("ASEAN")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        StoredEvent acknowledged = store.single(channelId, "ChannelParticipationAcknowledged");
        assertThat(acknowledged.payload().path("participant").asText()).isEqualTo("ASEAN");
        assertThat(acknowledged.payload().path("late").asBoolean()).isTrue();
        assertThat(Instant.parse(acknowledged.timeStamp())).isAfter(acknowledgeBy);
        assertThat(store.types(channelId)).last().isEqualTo("ChannelParticipationAcknowledged");
        await().atMost(FIRES_WITHIN).until(() -> store.deadlines(channelId) == 0);
    }

    @Test
    void anOverdueParticipantIsRecordedOnceEvenAfterItsDeadlineHasFired() {
        String channelId = conveneWithinTwoSeconds("CN", "ASEAN");

        await().atMost(FIRES_WITHIN).untilAsserted(() ->
                assertThat(overdueParticipants(channelId)).containsExactlyInAnyOrder("CN", "ASEAN"));
        await().atMost(FIRES_WITHIN).until(() -> store.deadlines(channelId) == 0);

        Channels.ok(api, path(channelId, "/acknowledgements"), Channels.participant("CN"));
        assertThat(store.ofType(channelId, OVERDUE)).hasSize(2);
    }

    @Test
    void afterClosureNoDeadlineFires() {
        String channelId = conveneWithinTwoSeconds("CN", "US", "ASEAN");
        Instant acknowledgeBy = acknowledgeBy(channelId);

        Channels.ok(api, path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", "Closed at once"));

        assertThat(store.deadlines(channelId)).as("every deadline is cancelled with the closing").isZero();
        Duration beyondTheDeadline = Duration.between(Instant.now(), acknowledgeBy).plusSeconds(3);
        await().during(beyondTheDeadline).atMost(beyondTheDeadline.plusSeconds(5))
                .until(() -> store.ofType(channelId, OVERDUE).isEmpty());
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
    }

    @Test
    void afterResolutionNoDeadlineFires() {
        String channelId = conveneWithinTwoSeconds("CN", "ASEAN");
        Instant acknowledgeBy = acknowledgeBy(channelId);

        Channels.ok(api, Crises.path(crisisId, "/resolution"), Crises.RESOLUTION);

        assertThat(store.deadlines(channelId)).isZero();
        Duration beyondTheDeadline = Duration.between(Instant.now(), acknowledgeBy).plusSeconds(3);
        await().during(beyondTheDeadline).atMost(beyondTheDeadline.plusSeconds(5))
                .until(() -> store.ofType(channelId, OVERDUE).isEmpty());
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
    }

    @Test
    void whenEveryParticipantAcknowledgesNoDeadlineIsLeftAndNoneFires() {
        String channelId = conveneWithinTwoSeconds("CN", "ASEAN");
        Instant acknowledgeBy = acknowledgeBy(channelId);

        Channels.ok(api, path(channelId, "/acknowledgements"), Channels.participant("ASEAN"));
        assertThat(store.deadlines(channelId)).isEqualTo(1);
        Channels.ok(api, path(channelId, "/acknowledgements"), Channels.participant("CN"));

        assertThat(store.deadlines(channelId)).isZero();
        Duration beyondTheDeadline = Duration.between(Instant.now(), acknowledgeBy).plusSeconds(3);
        await().during(beyondTheDeadline).atMost(beyondTheDeadline.plusSeconds(5))
                .until(() -> store.ofType(channelId, OVERDUE).isEmpty());
    }

    @Test
    void aConveneRefusedByARuleLeavesNoDeadline() {
        String refused = Crises.randomId();
        long scheduledBefore = scheduledTasks();

        Api.Answer answer = api.post("/api/channels", Channels.conveneWith(refused, crisisId, "PT2S", "CN", "US")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(409);
        assertThat(answer.text("rule")).isEqualTo("asean-missing");
        assertThat(store.deadlines(refused)).isZero();
        assertThat(eventCount(refused)).isZero();
        assertThat(scheduledTasks()).isLessThanOrEqualTo(scheduledBefore);
    }

    @Test
    void aConveneForAnOpenTrackRefusedAfterTheCrisisCheckLeavesNoDeadline() {
        String open = ValidChannel.convene(api, crisisId);
        String refused = Crises.randomId();

        Api.Answer answer = api.post("/api/channels", ValidChannel.conveneWith(refused, crisisId, "PT2S"))
                .send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(409);
        assertThat(answer.text("rule")).isEqualTo("channel-already-open");
        assertThat(store.deadlines(refused)).isZero();
        assertThat(store.deadlines(open)).isEqualTo(ValidChannel.PARTICIPANTS.size());
        Channels.ok(api, path(open, "/closure"), Channels.closure("SUPERSEDED", null));
        assertThat(store.deadlines(open)).isZero();
    }

    private String conveneWithinTwoSeconds(String... participants) {
        Api.Answer answer = api.post("/api/channels", Channels.conveneWith(null, crisisId, "PT2S", participants)).send();
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        String channelId = answer.text("channelId");
        assertThat(store.deadlines(channelId)).isEqualTo(participants.length);
        return channelId;
    }

    private Instant acknowledgeBy(String channelId) {
        return Instant.parse(store.single(channelId, "MajorPowerChannelConvened").payload()
                .path("acknowledgement").path("by").asText());
    }

    private List<String> overdueParticipants(String channelId) {
        return store.ofType(channelId, OVERDUE).stream().map(e -> e.payload().path("participant").asText()).toList();
    }

    private long scheduledTasks() {
        Long count = jdbc.queryForObject("select count(*) from event_store.scheduled_tasks", Long.class);
        return count == null ? 0 : count;
    }
}
