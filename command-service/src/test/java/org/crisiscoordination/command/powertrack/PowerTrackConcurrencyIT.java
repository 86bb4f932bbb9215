package org.crisiscoordination.command.powertrack;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Concurrently;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.PowerTrackStore;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.crisiscoordination.command.support.ValidChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Channels.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * The power track under concurrency, each race run for {@value #ROUNDS} rounds on a fresh crisis:
 * two convenes of one crisis open one channel; a resolution never leaves an open channel behind,
 * whichever of it and a convene, a close or a statement comes first; five participants
 * acknowledging at once all succeed; a crisis write and a channel close at once both succeed.
 * Which writer wins a round is up to the scheduler; each test accepts either order and checks
 * what that order must leave in the store. None of them may answer 500 or stall.
 */
class PowerTrackConcurrencyIT extends CommandServiceIT {

    private static final int ROUNDS = 15;
    private static final List<String> FIVE = List.of("CN", "US", "RU", "JP", "ASEAN");

    private PowerTrackStore store;

    @BeforeEach
    void readStore() {
        store = new PowerTrackStore(jdbc);
    }

    @Test
    void twoConvenesAtOnceOpenExactlyOneChannelAndRefuseTheOtherWithChannelAlreadyOpen() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);
            List<String> channelIds = List.of(Crises.randomId(), Crises.randomId());

            List<Api.Answer> answers = Concurrently.run(2, i -> api.post("/api/channels",
                    ValidChannel.conveneWith(channelIds.get(i), crisisId, null)).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            assertThat(answers).as(at).extracting(Api.Answer::status).containsExactlyInAnyOrder(201, 409);
            int winner = answers.get(0).status() == 201 ? 0 : 1;
            Api.Answer lost = answers.get(1 - winner);
            assertProblem(lost, 409, "rule-violated", "/api/channels");
            assertThat(lost.text("rule")).as(at).isEqualTo("channel-already-open");
            String channelId = channelIds.get(winner);
            String loser = channelIds.get(1 - winner);
            assertThat(answers.get(winner).text("channelId")).isEqualTo(channelId);
            assertThat(store.types(crisisId)).as(at).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
            assertThat(store.single(crisisId, "PowerTrackOpened").payload().path("channelId").asText()).isEqualTo(channelId);
            assertThat(store.channelsOf(crisisId)).as(at).isEqualTo(1);
            assertThat(store.types(channelId)).containsExactly("MajorPowerChannelConvened");
            assertThat(eventCount(loser)).as(at).isZero();
            assertThat(store.deadlines(channelId)).isEqualTo(ValidChannel.PARTICIPANTS.size());
            assertThat(store.deadlines(loser)).as("the losing convene's deadlines rolled back").isZero();
        }
    }

    @Test
    void twoConvenesAtOnceWithoutChannelIdsOpenExactlyOneChannel() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);

            List<Api.Answer> answers = Concurrently.run(2, i ->
                    api.post("/api/channels", ValidChannel.convene(crisisId)).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            assertThat(answers).as(at).extracting(Api.Answer::status).containsExactlyInAnyOrder(201, 409);
            assertThat(answers).filteredOn(a -> a.status() == 409).extracting(a -> a.text("rule"))
                    .containsExactly("channel-already-open");
            assertThat(store.ofType(crisisId, "PowerTrackOpened")).as(at).hasSize(1);
            assertThat(store.channelsOf(crisisId)).as(at).isEqualTo(1);
        }
    }

    @Test
    void twoConvenesOfTwoCrisesWithOneClientChannelIdCreateOneChannelAndLeaveTheOtherCrisisUntouched()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            List<String> crises = List.of(Crises.raise(api), Crises.raise(api));
            String channelId = Crises.randomId();

            List<Api.Answer> answers = Concurrently.run(2, i -> api.post("/api/channels",
                    ValidChannel.conveneWith(channelId, crises.get(i), null)).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            assertThat(answers).as(at).extracting(Api.Answer::status).containsExactlyInAnyOrder(201, 409);
            int winner = answers.get(0).status() == 201 ? 0 : 1;
            assertThat(answers.get(1 - winner).text("rule")).as(at).isEqualTo("channel-already-exists");
            assertThat(store.types(crises.get(winner))).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
            assertThat(store.types(crises.get(1 - winner))).as("the losing crisis records no power track: " + at)
                    .containsExactly("RegionalCrisisRaised");
            assertThat(store.single(channelId, "MajorPowerChannelConvened").payload().path("crisisId").asText())
                    .isEqualTo(crises.get(winner));
            assertThat(store.deadlines(channelId)).isEqualTo(ValidChannel.PARTICIPANTS.size());
        }
    }

    @Test
    void aResolutionAndAConveneAtOnceNeverLeaveAResolvedCrisisWithAnOpenChannel() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);
            String channelId = Crises.randomId();
            String convene = ValidChannel.conveneWith(channelId, crisisId, null);

            List<Api.Answer> answers = Concurrently.run(2, i -> i == 0
                    ? api.post("/api/channels", convene).send()
                    : api.post(Crises.path(crisisId, "/resolution"), Crises.RESOLUTION).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            Api.Answer convened = answers.get(0);
            Api.Answer resolved = answers.get(1);
            assertThat(resolved.status()).as(at).isEqualTo(200);
            assertThat(convened.status()).as(at).isIn(201, 409);
            if (convened.status() == 409) {
                assertProblem(convened, 409, "rule-violated", "/api/channels");
                assertThat(convened.text("rule")).as(at).isEqualTo("crisis-resolved");
                assertThat(store.types(crisisId)).as(at).containsExactly("RegionalCrisisRaised", "CrisisResolved");
                assertThat(eventCount(channelId)).as(at).isZero();
                assertThat(store.channelsOf(crisisId)).isZero();
            } else {
                assertThat(store.types(crisisId)).as(at).containsExactly("RegionalCrisisRaised", "PowerTrackOpened",
                        "CrisisResolved", "PowerTrackClosed");
                assertThat(store.types(channelId)).as(at)
                        .containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
                StoredEvent closed = store.single(channelId, "MajorPowerChannelClosed");
                assertThat(closed.payload().path("outcome").asText()).isEqualTo("CRISIS_RESOLVED");
                StoredEvent resolution = store.single(crisisId, "CrisisResolved");
                assertThat(store.transactionOf(closed)).as("closed with the resolution: " + at)
                        .isEqualTo(store.transactionOf(resolution));
                assertThat(store.single(crisisId, "PowerTrackClosed").payload().path("outcome").asText())
                        .isEqualTo("CRISIS_RESOLVED");
            }
            assertThat(store.deadlines(channelId)).as("no deadline of a closed or refused channel: " + at).isZero();
            Api.Answer statement = api.post(path(channelId, "/statements"), Channels.statement("CN", "Still here?")).send();
            assertThat(statement.status()).as("the channel takes no command: " + at).isIn(404, 409);
        }
    }

    @Test
    void fiveParticipantsAcknowledgingAtOnceAllSucceed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);
            String channelId = Channels.convene(api, crisisId, FIVE.toArray(String[]::new));
            String acknowledgements = path(channelId, "/acknowledgements");

            List<Api.Answer> answers = Concurrently.run(5, i ->
                    api.post(acknowledgements, Channels.participant(FIVE.get(i))).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            assertThat(answers).as(at).extracting(Api.Answer::status).containsOnly(200);
            assertThat(answers).extracting(a -> a.json().get("version").asLong())
                    .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            List<StoredEvent> acknowledged = store.ofType(channelId, "ChannelParticipationAcknowledged");
            assertThat(acknowledged).as(at).hasSize(5);
            assertThat(acknowledged).extracting(e -> e.payload().path("participant").asText())
                    .containsExactlyInAnyOrderElementsOf(FIVE);
            assertThat(acknowledged).extracting(e -> e.payload().path("late").asBoolean()).containsOnly(false);
            assertThat(eventCount(channelId)).isEqualTo(6);
            List<StoredEvent> events = store.events(channelId);
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i);
                assertThat(events.get(i).meta("previousHash")).isEqualTo(events.get(i - 1).meta("hash"));
            }
            assertThat(store.deadlines(channelId)).as("every deadline cancelled: " + at).isZero();
        }
    }

    @Test
    void aResolutionAndACloseAtOnceCloseTheChannelOnceAndTheTrackOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);
            String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

            List<Api.Answer> answers = Concurrently.run(2, i -> i == 0
                    ? api.post(path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", "Talks stalled")).send()
                    : api.post(Crises.path(crisisId, "/resolution"), Crises.RESOLUTION).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            Api.Answer closed = answers.get(0);
            Api.Answer resolved = answers.get(1);
            assertThat(resolved.status()).as(at).isEqualTo(200);
            assertThat(closed.status()).as(at).isIn(200, 409);
            List<StoredEvent> channelClosed = store.ofType(channelId, "MajorPowerChannelClosed");
            List<StoredEvent> trackClosed = store.ofType(crisisId, "PowerTrackClosed");
            assertThat(channelClosed).as(at).hasSize(1);
            assertThat(trackClosed).as(at).hasSize(1);
            String outcome = channelClosed.get(0).payload().path("outcome").asText();
            assertThat(trackClosed.get(0).payload().path("outcome").asText()).as(at).isEqualTo(outcome);
            assertThat(store.transactionOf(trackClosed.get(0))).as(at).isEqualTo(store.transactionOf(channelClosed.get(0)));
            if (closed.status() == 200) {
                assertThat(outcome).as(at).isEqualTo("NO_CONSENSUS");
                assertThat(store.types(crisisId)).as(at).containsExactly("RegionalCrisisRaised", "PowerTrackOpened",
                        "PowerTrackClosed", "CrisisResolved");
            } else {
                assertProblem(closed, 409, "rule-violated", path(channelId, "/closure"));
                assertThat(closed.text("rule")).as(at).isEqualTo("channel-closed");
                assertThat(outcome).as(at).isEqualTo("CRISIS_RESOLVED");
                assertThat(store.types(crisisId)).as(at).containsExactly("RegionalCrisisRaised", "PowerTrackOpened",
                        "CrisisResolved", "PowerTrackClosed");
                assertThat(store.transactionOf(channelClosed.get(0)))
                        .isEqualTo(store.transactionOf(store.single(crisisId, "CrisisResolved")));
            }
            assertThat(store.types(channelId)).as(at).containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
            assertThat(store.deadlines(channelId)).as(at).isZero();
        }
    }
    @Test
    void aStatementAndAResolutionAtOnceEitherLandBeforeTheClosingOrAreRefusedChannelClosed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);
            String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

            List<Api.Answer> answers = Concurrently.run(2, i -> i == 0
                    ? api.post(path(channelId, "/statements"), Channels.statement("US", "Freedom of navigation")).send()
                    : api.post(Crises.path(crisisId, "/resolution"), Crises.RESOLUTION).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            Api.Answer stated = answers.get(0);
            assertThat(answers.get(1).status()).as(at).isEqualTo(200);
            assertThat(stated.status()).as(at).isIn(200, 409);
            if (stated.status() == 200) {
                assertThat(store.types(channelId)).as(at).containsExactly("MajorPowerChannelConvened",
                        "PositionStatementSubmitted", "MajorPowerChannelClosed");
            } else {
                assertThat(stated.text("rule")).as(at).isEqualTo("channel-closed");
                assertThat(store.types(channelId)).as(at)
                        .containsExactly("MajorPowerChannelConvened", "MajorPowerChannelClosed");
            }
            assertThat(store.single(channelId, "MajorPowerChannelClosed").payload().path("outcome").asText())
                    .isEqualTo("CRISIS_RESOLVED");
            assertThat(store.ofType(crisisId, "PowerTrackClosed")).as(at).hasSize(1);
        }
    }

    @Test
    void anEscalationAndACloseAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String crisisId = Crises.raise(api);
            String channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");

            List<Api.Answer> answers = Concurrently.run(2, i -> i == 0
                    ? api.post(path(channelId, "/closure"), Channels.closure("SUPERSEDED", null)).send()
                    : api.post(Crises.path(crisisId, "/escalations"), Crises.severity(4)).send());

            String at = "round " + round + ": " + answers.stream().map(a -> a.raw().body()).toList();
            assertThat(answers).as(at).extracting(Api.Answer::status).containsOnly(200);
            assertThat(store.ofType(crisisId, "CrisisEscalated")).as(at).hasSize(1);
            assertThat(store.ofType(crisisId, "PowerTrackClosed")).as(at).hasSize(1);
            assertThat(store.types(channelId)).as(at).containsExactly("MajorPowerChannelConvened",
                    "MajorPowerChannelClosed");
        }
    }
}
