package org.crisiscoordination.command.channel;

import org.crisiscoordination.testsupport.TestCaller;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crisiscoordination.command.support.Channels.endorsements;
import static org.crisiscoordination.command.support.Channels.path;

/**
 * Every channel write of the contract, over HTTP: its answer, and the events it appends to the
 * channel's stream and, for convening and closing, to its crisis's stream in the same transaction.
 */
class ChannelWriteEndpointsIT extends CommandServiceIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private PowerTrackStore store;
    private String crisisId;

    @BeforeEach
    void aCrisis() {
        store = new PowerTrackStore(jdbc);
        crisisId = Crises.raise(api);
    }

    @Test
    void conveningWithoutAChannelIdAnswers201WithANewChannelAtVersionZeroAndItsQueryLocation() {
        Api.Answer answer = api.post("/api/channels", Channels.convene(crisisId, "CN", "US", "ASEAN")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        String channelId = answer.text("channelId");
        assertThat(channelId).matches(UUID).isNotEqualTo(crisisId);
        assertWriteAnswer(answer, channelId, channelId, 0, "channelId");
        assertThat(answer.header("Location")).isEqualTo(Channels.LOCATION + channelId);
        StoredEvent convened = store.single(channelId, "MajorPowerChannelConvened");
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened");
        assertThat(convened.sequence()).isZero();
        assertThat(convened.type()).isEqualTo("MajorPowerChannel");
        assertThat(convened.payload().path("channelId").asText()).isEqualTo(channelId);
        assertThat(convened.payload().path("crisisId").asText()).isEqualTo(crisisId);
        assertThat(convened.payload().path("participants")).extracting(JsonNode::asText)
                .containsExactly("CN", "US", "ASEAN");
        assertThat(convened.payload().path("agenda").asText()).isEqualTo(Channels.AGENDA);
    }

    @Test
    void conveningAppendsPowerTrackOpenedToTheCrisisInTheTransactionThatConvenesTheChannel() {
        Api.Answer answer = api.post("/api/channels", ValidChannel.convene(crisisId)).send();

        String channelId = answer.text("channelId");
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
        StoredEvent opened = store.single(crisisId, "PowerTrackOpened");
        assertThat(opened.sequence()).isEqualTo(1);
        assertThat(opened.type()).isEqualTo("Crisis");
        assertThat(opened.payload().path("channelId").asText()).isEqualTo(channelId);
        assertThat(opened.payload().path("crisisId").asText()).isEqualTo(crisisId);
        StoredEvent convened = store.single(channelId, "MajorPowerChannelConvened");
        assertThat(store.transactionOf(opened)).isEqualTo(store.transactionOf(convened));
        assertThat(opened.meta("correlationId")).isEqualTo(convened.meta("correlationId"))
                .isEqualTo(answer.header("X-Correlation-Id"));
        assertThat(opened.meta("commandId")).isEqualTo(convened.meta("commandId"));
    }

    @Test
    void conveningWithTheClientsOwnChannelIdKeepsThatId() {
        String channelId = Crises.randomId();

        Api.Answer answer = api.post("/api/channels", ValidChannel.conveneWith(channelId, crisisId, "PT12H"))
                .send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertWriteAnswer(answer, channelId, channelId, 0, "channelId");
        assertThat(answer.header("Location")).isEqualTo(Channels.LOCATION + channelId);
        StoredEvent convened = store.single(channelId, "MajorPowerChannelConvened");
        assertThat(convened.payload().path("acknowledgement").path("within").asText()).isEqualTo("PT12H");
        assertThat(convened.payloadRevision()).as("the revision its @Revision names").isEqualTo("2");
        assertThat(store.single(crisisId, "PowerTrackOpened").payload().path("channelId").asText())
                .isEqualTo(channelId);
    }

    @Test
    void withoutAcknowledgeWithinEachParticipantHasTwentyFourHoursToAcknowledge() {
        Instant before = Instant.now();

        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

        Instant after = Instant.now();
        JsonNode convened = store.single(channelId, "MajorPowerChannelConvened").payload();
        assertThat(Duration.parse(convened.path("acknowledgement").path("within").asText())).isEqualTo(Duration.ofHours(24));
        Instant acknowledgeBy = Instant.parse(convened.path("acknowledgement").path("by").asText());
        assertThat(acknowledgeBy).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(1),
                after.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(store.deadlineTimes(channelId)).hasSize(3)
                .allSatisfy(due -> assertThat(due).isCloseTo(acknowledgeBy.toEpochMilli(), within(2L)));
    }

    @Test
    void acknowledgingAnswers200WithTheNextVersionAndAppendsATimelyAcknowledgement() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

        Api.Answer answer = api.post(path(channelId, "/acknowledgements"), Channels.participant("US")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertWriteAnswer(answer, channelId, channelId, 1, null);
        assertThat(answer.header("Location")).isNull();
        StoredEvent acknowledged = assertAppended(channelId, 1, "ChannelParticipationAcknowledged");
        assertThat(acknowledged.payload().path("participant").asText()).isEqualTo("US");
        assertThat(acknowledged.payload().path("late").asBoolean()).isFalse();
        assertThat(acknowledged.payload().path("channelId").asText()).isEqualTo(channelId);
    }

    @Test
    void submittingAStatementAnswers200AndAppendsPositionStatementSubmitted() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

        Api.Answer answer = api.post(path(channelId, "/statements"),
                Channels.statement("CN", "The shoal lies within our waters")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertWriteAnswer(answer, channelId, channelId, 1, null);
        StoredEvent submitted = assertAppended(channelId, 1, "PositionStatementSubmitted");
        assertThat(submitted.payload().path("participant").asText()).isEqualTo("CN");
        assertThat(submitted.payload().path("text").asText()).isEqualTo("The shoal lies within our waters");
    }

    @Test
    void proposingAJointStatementAnswers201WithANewProposalIdOnTheChannel() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

        Api.Answer answer = api.post(path(channelId, "/joint-statements"),
                Channels.proposal("ASEAN", "The parties will keep a hotline open")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        String proposalId = answer.text("proposalId");
        assertThat(proposalId).matches(UUID).isNotEqualTo(channelId);
        assertWriteAnswer(answer, proposalId, channelId, 1, "proposalId");
        assertThat(answer.header("Location")).isEqualTo(Channels.LOCATION + channelId);
        StoredEvent proposed = assertAppended(channelId, 1, "JointStatementProposed");
        assertThat(proposed.payload().path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(proposed.payload().path("proposer").asText()).isEqualTo("ASEAN");
        assertThat(proposed.payload().path("text").asText()).isEqualTo("The parties will keep a hotline open");
    }

    @Test
    void proposingWithTheClientsOwnProposalIdKeepsThatIdAndReplacesTheEarlierProposal() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");
        String first = Channels.propose(api, channelId, "US");
        String proposalId = Crises.randomId();

        Api.Answer answer = api.post(path(channelId, "/joint-statements"),
                Channels.proposal(proposalId, "CN", "Both coast guards keep their distance")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertWriteAnswer(answer, proposalId, channelId, 2, "proposalId");
        StoredEvent proposed = assertAppended(channelId, 2, "JointStatementProposed");
        assertThat(proposed.payload().path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(proposed.payload().path("replacedProposalId").asText()).isEqualTo(first);
    }

    @Test
    void endorsingAnswers200AndTheLastParticipantsEndorsementAlsoAdoptsTheStatement() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");
        String proposalId = Channels.propose(api, channelId, "ASEAN");

        Api.Answer first = api.post(endorsements(channelId, proposalId), Channels.participant("ASEAN")).send();
        Api.Answer second = api.post(endorsements(channelId, proposalId), Channels.participant("CN")).send();

        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertWriteAnswer(first, channelId, channelId, 2, null);
        assertThat(second.status()).as(second.raw().body()).isEqualTo(200);
        assertWriteAnswer(second, channelId, channelId, 3, null);
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened", "JointStatementProposed",
                "JointStatementEndorsed", "JointStatementEndorsed");

        Api.Answer last = api.post(endorsements(channelId, proposalId), Channels.participant("US")).send();

        assertThat(last.status()).as(last.raw().body()).isEqualTo(200);
        assertWriteAnswer(last, channelId, channelId, 5, null);
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened", "JointStatementProposed",
                "JointStatementEndorsed", "JointStatementEndorsed", "JointStatementEndorsed", "JointStatementAdopted");
        assertThat(store.ofType(channelId, "JointStatementEndorsed"))
                .extracting(e -> e.payload().path("participant").asText()).containsExactly("ASEAN", "CN", "US");
        StoredEvent adopted = store.single(channelId, "JointStatementAdopted");
        assertThat(adopted.payload().path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(adopted.payload().path("text").asText()).isEqualTo("The parties will keep a hotline open");
        StoredEvent lastEndorsement = store.ofType(channelId, "JointStatementEndorsed").get(2);
        assertThat(store.transactionOf(adopted)).isEqualTo(store.transactionOf(lastEndorsement));
    }

    @Test
    void closingAnswers200AndRecordsPowerTrackClosedInTheCrisisInTheSameTransaction() {
        String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

        Api.Answer answer = api.post(path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", "Talks stalled"))
                .header("X-Correlation-Id", "closing-" + channelId).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertWriteAnswer(answer, channelId, channelId, 1, null);
        StoredEvent closed = assertAppended(channelId, 1, "MajorPowerChannelClosed");
        assertThat(closed.payload().path("outcome").asText()).isEqualTo("NO_CONSENSUS");
        assertThat(closed.payload().path("note").asText()).isEqualTo("Talks stalled");
        assertThat(closed.payload().path("crisisId").asText()).isEqualTo(crisisId);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened", "PowerTrackClosed");
        StoredEvent trackClosed = store.single(crisisId, "PowerTrackClosed");
        assertThat(trackClosed.payload().path("channelId").asText()).isEqualTo(channelId);
        assertThat(trackClosed.payload().path("outcome").asText()).isEqualTo("NO_CONSENSUS");
        assertThat(store.transactionOf(trackClosed)).isEqualTo(store.transactionOf(closed));
        assertThat(trackClosed.meta("correlationId")).isEqualTo(closed.meta("correlationId"))
                .isEqualTo("closing-" + channelId);
        assertThat(trackClosed.meta("actor")).isEqualTo(TestCaller.staff().actor());
    }

    @Test
    void closingWithoutANoteIsAccepted() {
        String channelId = Channels.convene(api, crisisId, "CN", "ASEAN");

        Api.Answer answer = api.post(path(channelId, "/closure"), Channels.closure("SUPERSEDED", null)).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        StoredEvent closed = assertAppended(channelId, 1, "MajorPowerChannelClosed");
        assertThat(closed.payload().path("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(store.single(crisisId, "PowerTrackClosed").payload().path("outcome").asText()).isEqualTo("SUPERSEDED");
    }

    @Test
    void closingAfterAnAdoptionWithJointStatementAdoptedIsAccepted() {
        String channelId = Channels.convene(api, crisisId, "CN", "ASEAN");
        String proposalId = Channels.propose(api, channelId, "CN");
        Channels.ok(api, endorsements(channelId, proposalId), Channels.participant("CN"));
        Channels.ok(api, endorsements(channelId, proposalId), Channels.participant("ASEAN"));

        Api.Answer answer = api.post(path(channelId, "/closure"),
                Channels.closure("JOINT_STATEMENT_ADOPTED", "A hotline was agreed")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertWriteAnswer(answer, channelId, channelId, 5, null);
        assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened", "JointStatementProposed",
                "JointStatementEndorsed", "JointStatementEndorsed", "JointStatementAdopted", "MajorPowerChannelClosed");
        assertThat(store.single(crisisId, "PowerTrackClosed").payload().path("outcome").asText())
                .isEqualTo("JOINT_STATEMENT_ADOPTED");
    }

    @Test
    void aChannelsWholeCourseCountsItsVersionsFromZeroAndChainsItsEvents() {
        Api.Answer convened = api.post("/api/channels", Channels.convene(crisisId, "CN", "US", "ASEAN")).send();
        String channelId = convened.text("channelId");
        List<Long> versions = new ArrayList<>(List.of(version(convened)));
        for (String participant : List.of("CN", "US", "ASEAN")) {
            versions.add(version(api.post(path(channelId, "/acknowledgements"), Channels.participant(participant)).send()));
        }
        versions.add(version(api.post(path(channelId, "/statements"), Channels.statement("US", "Freedom of navigation")).send()));
        Api.Answer proposed = api.post(path(channelId, "/joint-statements"), Channels.proposal("CN", "Talks go on")).send();
        versions.add(version(proposed));
        versions.add(version(api.post(path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", "none")).send()));

        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        List<StoredEvent> events = store.events(channelId);
        assertThat(events).extracting(StoredEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).meta("previousHash")).isEqualTo(events.get(i - 1).meta("hash"));
        }
    }

    private static long version(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isIn(200, 201);
        return answer.json().get("version").asLong();
    }

    /** The answer is exactly {id, aggregateId, version, consistencyToken}, plus the named part's id. */
    private static void assertWriteAnswer(Api.Answer answer, String id, String aggregateId, long version, String part) {
        JsonNode body = answer.json();
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        if (part == null) {
            assertThat(fields).containsExactlyInAnyOrder("id", "aggregateId", "version", "consistencyToken");
        } else {
            assertThat(fields).containsExactlyInAnyOrder("id", "aggregateId", "version", "consistencyToken", part);
            assertThat(body.get(part).asText()).isEqualTo(id);
        }
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("aggregateId").asText()).isEqualTo(aggregateId);
        assertThat(body.get("version").isIntegralNumber()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(version);
        assertThat(body.get("consistencyToken").asText()).isNotBlank();
    }

    /** The channel now holds exactly {@code sequence + 1} events, the last one of the named type. */
    private StoredEvent assertAppended(String channelId, long sequence, String eventType) {
        assertThat(eventCount(channelId)).isEqualTo(sequence + 1);
        List<StoredEvent> events = store.events(channelId);
        StoredEvent last = events.get(events.size() - 1);
        assertThat(last.sequence()).isEqualTo(sequence);
        assertThat(PowerTrackStore.simpleType(last)).isEqualTo(eventType);
        assertThat(last.type()).isEqualTo("MajorPowerChannel");
        return last;
    }
}
