package org.crisiscoordination.command.powertrack;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.PowerTrackStore;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.crisiscoordination.command.support.ValidChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Channels.endorsements;
import static org.crisiscoordination.command.support.Channels.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * A crisis and its channel stay in step: resolving the crisis closes its open channel with
 * {@code CRISIS_RESOLVED} in the resolving transaction, and a channel a participant closes frees
 * the crisis's power track for a new channel.
 */
class ResolutionClosesChannelIT extends CommandServiceIT {

    private PowerTrackStore store;
    private String crisisId;

    @BeforeEach
    void aCrisis() {
        store = new PowerTrackStore(jdbc);
        crisisId = Crises.raise(api);
    }

    @Test
    void resolvingACrisisClosesItsOpenChannelWithCrisisResolvedInTheSameTransaction() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");
        Channels.ok(api, path(channelId, "/acknowledgements"), Channels.participant("CN"));

        Api.Answer answer = api.post(Crises.path(crisisId, "/resolution"), Crises.RESOLUTION)
                .header("X-Correlation-Id", "resolving-" + crisisId).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.json().path("id").asText()).isEqualTo(crisisId);
        assertThat(answer.json().path("version").asLong()).isEqualTo(3);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened", "CrisisResolved",
                "PowerTrackClosed");
        StoredEvent resolved = store.single(crisisId, "CrisisResolved");
        StoredEvent trackClosed = store.single(crisisId, "PowerTrackClosed");
        assertThat(trackClosed.payload().path("channelId").asText()).isEqualTo(channelId);
        assertThat(trackClosed.payload().path("outcome").asText()).isEqualTo("CRISIS_RESOLVED");
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened",
                "ChannelParticipationAcknowledged", "MajorPowerChannelClosed");
        StoredEvent closed = store.single(channelId, "MajorPowerChannelClosed");
        assertThat(closed.payload().path("outcome").asText()).isEqualTo("CRISIS_RESOLVED");
        assertThat(closed.payload().path("note").asText()).isNotBlank();
        assertThat(closed.payload().path("crisisId").asText()).isEqualTo(crisisId);
        String transaction = store.transactionOf(resolved);
        assertThat(store.transactionOf(trackClosed)).isEqualTo(transaction);
        assertThat(store.transactionOf(closed)).isEqualTo(transaction);
        assertThat(store.deadlines(channelId)).as("the deadlines of US and ASEAN are cancelled").isZero();
    }

    @Test
    void theClosingOfAResolvedCrisissChannelIsAuditedInTheResolutionsConversation() {
        String channelId = ValidChannel.convene(api, crisisId);

        Channels.ok(api, Crises.path(crisisId, "/resolution"), Crises.RESOLUTION);

        StoredEvent resolved = store.single(crisisId, "CrisisResolved");
        StoredEvent closed = store.single(channelId, "MajorPowerChannelClosed");

        assertThat(closed.meta("correlationId")).isEqualTo(resolved.meta("correlationId"));
        assertThat(closed.meta("actor")).isEqualTo(resolved.meta("actor"));
        assertThat(closed.meta("hash")).matches("[0-9a-f]{64}");
        assertThat(closed.meta("previousHash")).isEqualTo(store.single(channelId, "MajorPowerChannelConvened").meta("hash"));
    }

    @Test
    void theChannelOfAResolvedCrisisRefusesEveryCommandWithChannelClosed() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");
        String proposalId = Channels.propose(api, channelId, "US");

        Channels.ok(api, Crises.path(crisisId, "/resolution"), Crises.RESOLUTION);

        long before = eventCount(channelId);
        assertChannelClosed(path(channelId, "/statements"), Channels.statement("CN", "We object"));
        assertChannelClosed(path(channelId, "/acknowledgements"), Channels.participant("US"));
        assertChannelClosed(path(channelId, "/joint-statements"), Channels.proposal("CN", "A text"));
        assertChannelClosed(endorsements(channelId, proposalId), Channels.participant("ASEAN"));
        assertChannelClosed(path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", null));
        assertThat(eventCount(channelId)).isEqualTo(before);
        assertThat(store.ofType(crisisId, "PowerTrackClosed")).hasSize(1);
    }

    @Test
    void resolvingACrisisWhoseChannelWasClosedClosesNothingMore() {
        String channelId = ValidChannel.convene(api, crisisId);
        Channels.ok(api, path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", "Talks stalled"));

        Channels.ok(api, Crises.path(crisisId, "/resolution"), Crises.RESOLUTION);

        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened", "PowerTrackClosed",
                "CrisisResolved");
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
        assertThat(store.single(channelId, "MajorPowerChannelClosed").payload().path("outcome").asText())
                .isEqualTo("NO_CONSENSUS");
    }

    @Test
    void aRefusedResolutionLeavesTheChannelOpen() {
        String channelId = ValidChannel.convene(api, crisisId);
        Crises.refer(api, crisisId, "ASEAN");

        Api.Answer answer = api.post(Crises.path(crisisId, "/resolution"), Crises.RESOLUTION).send();

        assertProblem(answer, 409, "rule-violated", Crises.path(crisisId, "/resolution"));
        assertThat(answer.text("rule")).isEqualTo("referral-awaits-answer");
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened");
        assertThat(store.deadlines(channelId)).isEqualTo(ValidChannel.PARTICIPANTS.size());
        Channels.ok(api, path(channelId, "/statements"), Channels.statement("ASEAN", "Talks go on"));
    }

    @Test
    void closingAChannelFreesThePowerTrackForASecondChannel() {
        String first = ValidChannel.convene(api, crisisId);
        Channels.ok(api, path(first, "/closure"), Channels.closure("SUPERSEDED", "A wider format is needed"));

        Api.Answer answer = api.post("/api/channels", Channels.convene(crisisId, "CN", "US", "RU", "ASEAN")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        String second = answer.text("channelId");
        assertThat(second).isNotEqualTo(first);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened", "PowerTrackClosed",
                "PowerTrackOpened");
        assertThat(store.ofType(crisisId, "PowerTrackOpened")).extracting(e -> e.payload().path("channelId").asText())
                .containsExactly(first, second);
        assertThat(store.single(crisisId, "PowerTrackClosed").payload().path("channelId").asText()).isEqualTo(first);
        assertThat(store.channelsOf(crisisId)).isEqualTo(2);
        Channels.ok(api, path(second, "/statements"), Channels.statement("RU", "We support talks"));
    }

    @Test
    void resolvingAfterASecondChannelClosesOnlyTheOpenOne() {
        String first = ValidChannel.convene(api, crisisId);
        Channels.ok(api, path(first, "/closure"), Channels.closure("NO_CONSENSUS", null));
        String second = ValidChannel.convene(api, crisisId);

        Channels.ok(api, Crises.path(crisisId, "/resolution"), Crises.RESOLUTION);

        assertThat(store.types(first)).containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
        assertThat(store.single(first, "MajorPowerChannelClosed").payload().path("outcome").asText())
                .isEqualTo("NO_CONSENSUS");
        assertThat(store.single(second, "MajorPowerChannelClosed").payload().path("outcome").asText())
                .isEqualTo("CRISIS_RESOLVED");
        assertThat(store.ofType(crisisId, "PowerTrackClosed")).extracting(e -> e.payload().path("channelId").asText())
                .containsExactly(first, second);
    }

    private void assertChannelClosed(String path, String body) {
        Api.Answer answer = api.post(path, body).send();
        assertProblem(answer, 409, "rule-violated", path);
        assertThat(answer.text("rule")).as(path).isEqualTo("channel-closed");
    }
}
