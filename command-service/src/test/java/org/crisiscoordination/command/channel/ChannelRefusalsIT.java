package org.crisiscoordination.command.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.PowerTrackStore;
import org.crisiscoordination.command.support.ValidChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Channels.endorsements;
import static org.crisiscoordination.command.support.Channels.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;
import static org.crisiscoordination.command.support.ProblemAssertions.errorFields;
import static org.crisiscoordination.command.support.ProblemAssertions.errorMessage;

/**
 * What the channel endpoints refuse: invalid values (400, every field named at once), what does
 * not exist (404) and what a state rule forbids (409 naming its {@code rule}). A refusal appends
 * nothing, to the channel, its crisis or anywhere else.
 */
class ChannelRefusalsIT extends CommandServiceIT {

    private PowerTrackStore store;
    private String crisisId;
    private String channelId;

    @BeforeEach
    void aCrisisWithAChannel() {
        store = new PowerTrackStore(jdbc);
        crisisId = Crises.raise(api);
        channelId = Channels.convene(api, crisisId, "CN", "US", "ASEAN");
    }

    // 400: invalid values

    @Test
    void anEmptyConveneNamesEveryMissingFieldAtOnce() {
        long before = store.storeSize();

        JsonNode problem = assertInvalid("/api/channels", "{}");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("crisisId", "participants", "agenda");
        assertThat(store.storeSize()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldOfAConveneIsNamedAtOnce() {
        long before = store.storeSize();

        JsonNode problem = assertInvalid("/api/channels", """
                {"channelId":"channel-1","crisisId":"42","participants":["CN","KR","CN"],"agenda":" ",
                 "acknowledgeWithin":"24 hours"}""");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("channelId", "crisisId", "participants[1]",
                "participants[2]", "agenda", "acknowledgeWithin");
        assertThat(errorMessage(problem, "participants[1]")).contains("CN", "US", "RU", "JP", "IN", "ASEAN");
        assertThat(errorMessage(problem, "participants[2]")).contains("more than once");
        assertThat(errorMessage(problem, "acknowledgeWithin")).contains("PT24H");
        assertThat(store.storeSize()).isEqualTo(before);
    }

    @Test
    void anUnknownParticipantIsRefused() {
        assertConveneInvalid(Channels.convene(crisisId, "CN", "ASEAN", "UK"), "participants[2]");
    }

    @Test
    void aParticipantNamedTwiceIsRefused() {
        assertConveneInvalid(Channels.convene(crisisId, "CN", "ASEAN", "CN"), "participants[2]");
    }

    @Test
    void aChannelOfOneParticipantIsRefused() {
        JsonNode problem = assertConveneInvalid(Channels.convene(crisisId, "CN"), "participants");

        assertThat(errorMessage(problem, "participants")).contains("two");
    }

    @Test
    void aChannelOfNoParticipantIsRefused() {
        assertConveneInvalid("{\"crisisId\":\"%s\",\"participants\":[],\"agenda\":\"a\"}".formatted(crisisId),
                "participants");
    }

    @Test
    void anAcknowledgementPeriodThatIsNotAPositiveDurationOfAtMostThirtyDaysIsRefused() {
        for (String within : new String[] {"24h", "PT0S", "-PT1H", "P31D", ""}) {
            assertConveneInvalid(ValidChannel.conveneWith(null, crisisId, within), "acknowledgeWithin");
        }
    }

    @Test
    void aCallerMayNotCloseWithTheSystemsOwnOutcomeCrisisResolved() {
        JsonNode problem = assertChannelInvalid("/closure", Channels.closure("CRISIS_RESOLVED", "done"), "outcome");

        assertThat(errorMessage(problem, "outcome")).contains("CRISIS_RESOLVED");
    }

    @Test
    void anUnknownOutcomeIsRefused() {
        assertChannelInvalid("/closure", Channels.closure("WON", null), "outcome");
    }

    @Test
    void emptyBodiesOfTheChannelCommandsNameEveryMissingField() {
        String proposalId = Crises.randomId();

        assertThat(errorFields(assertInvalid(path(channelId, "/acknowledgements"), "{}"))).containsExactly("participant");
        assertThat(errorFields(assertInvalid(path(channelId, "/statements"), "{}")))
                .containsExactlyInAnyOrder("participant", "text");
        assertThat(errorFields(assertInvalid(path(channelId, "/joint-statements"), "{}")))
                .containsExactlyInAnyOrder("proposer", "text");
        assertThat(errorFields(assertInvalid(endorsements(channelId, proposalId), "{}"))).containsExactly("participant");
        assertThat(errorFields(assertInvalid(path(channelId, "/closure"), "{}"))).containsExactly("outcome");
        assertChannelUnchanged(1);
    }

    @Test
    void invalidValuesOfTheChannelCommandsAreNamed() {
        assertChannelInvalid("/acknowledgements", Channels.participant("PH"), "participant");
        assertChannelInvalid("/statements", Channels.statement("ASEAN", " "), "text");
        assertChannelInvalid("/statements", Channels.statement("asean", "fine"), "participant");
        assertChannelInvalid("/joint-statements", Channels.proposal("not-a-uuid", "CN", "fine"), "proposalId");
        assertChannelInvalid("/joint-statements", Channels.proposal("EU", "fine"), "proposer");
        assertChannelInvalid("/closure", Channels.closure("NO_CONSENSUS", "n".repeat(2001)), "note");
    }

    @Test
    void aMalformedChannelIdInThePathIsRefusedOnEveryChannelEndpoint() {
        String proposalId = Crises.randomId();
        long before = store.storeSize();

        for (String[] request : new String[][] {
                {"/api/channels/not-a-uuid/acknowledgements", Channels.participant("CN")},
                {"/api/channels/not-a-uuid/statements", Channels.statement("CN", "text")},
                {"/api/channels/not-a-uuid/joint-statements", Channels.proposal("CN", "text")},
                {"/api/channels/not-a-uuid/joint-statements/" + proposalId + "/endorsements", Channels.participant("CN")},
                {"/api/channels/not-a-uuid/closure", Channels.closure("NO_CONSENSUS", null)}}) {
            JsonNode problem = assertInvalid(request[0], request[1]);
            assertThat(errorFields(problem)).as(request[0]).containsExactly("channelId");
        }
        assertThat(store.storeSize()).isEqualTo(before);
    }

    @Test
    void aMalformedProposalIdInThePathIsRefused() {
        JsonNode problem = assertInvalid(endorsements(channelId, "12345"), Channels.participant("CN"));

        assertThat(errorFields(problem)).containsExactly("proposalId");
        assertChannelUnchanged(1);
    }

    // 404: what does not exist

    @Test
    void conveningForAnUnknownCrisisIs404CrisisNotFound() {
        String unknown = Crises.randomId();
        String newChannel = Crises.randomId();
        long before = store.storeSize();

        assertRefused(404, "not-found", "crisis-not-found", "/api/channels",
                ValidChannel.conveneWith(newChannel, unknown, null));

        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(eventCount(unknown)).isZero();
        assertThat(eventCount(newChannel)).isZero();
        assertThat(store.deadlines(newChannel)).isZero();
    }

    @Test
    void conveningForTheIdOfAChannelIs404CrisisNotFound() {
        long before = store.storeSize();

        assertRefused(404, "not-found", "crisis-not-found", "/api/channels", ValidChannel.convene(channelId));

        assertThat(store.storeSize()).isEqualTo(before);
    }

    @Test
    void everyCommandForAnUnknownChannelIs404ChannelNotFound() {
        String unknown = Crises.randomId();
        long before = store.storeSize();

        assertEveryChannelCommandRefused(unknown, 404, "not-found", "channel-not-found");

        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(eventCount(unknown)).isZero();
    }

    @Test
    void everyChannelCommandAddressedWithACrisisIdIs404ChannelNotFound() {
        long before = store.storeSize();

        assertEveryChannelCommandRefused(crisisId, 404, "not-found", "channel-not-found");

        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
    }

    @Test
    void endorsingAnUnknownProposalIs404ProposalNotFound() {
        Channels.propose(api, channelId, "CN");

        assertRefused(404, "not-found", "proposal-not-found", endorsements(channelId, Crises.randomId()),
                Channels.participant("US"));

        assertChannelUnchanged(2);
    }

    @Test
    void endorsingWhenNothingWasProposedIs404ProposalNotFound() {
        assertRefused(404, "not-found", "proposal-not-found", endorsements(channelId, Crises.randomId()),
                Channels.participant("US"));

        assertChannelUnchanged(1);
    }

    // 409: the rules of convening, which the crisis checks

    @Test
    void conveningForACrisisBelowTheSeverityThresholdIs409() {
        String minor = Channels.raise(api, 2, "PH", "CN");
        String newChannel = Crises.randomId();
        long before = store.storeSize();

        JsonNode problem = assertRefused(409, "rule-violated", "severity-below-channel-threshold", "/api/channels",
                ValidChannel.conveneWith(newChannel, minor, null));

        assertThat(problem.path("detail").asText()).contains("3").contains("mechanism track");
        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(minor)).containsExactly("RegionalCrisisRaised");
        assertThat(eventCount(newChannel)).isZero();
        assertThat(store.deadlines(newChannel)).isZero();
    }

    @Test
    void conveningForACrisisDeescalatedBelowTheThresholdIs409SeverityBelowChannelThreshold() {
        String deescalated = Crises.raise(api);
        Channels.ok(api, Crises.path(deescalated, "/de-escalations"), Crises.severity(2));

        assertRefused(409, "rule-violated", "severity-below-channel-threshold", "/api/channels",
                ValidChannel.convene(deescalated));

        assertThat(store.types(deescalated)).containsExactly("RegionalCrisisRaised", "CrisisDeescalated");
    }

    @Test
    void conveningASecondChannelWhileOneIsOpenIs409ChannelAlreadyOpen() {
        String second = Crises.randomId();
        long before = store.storeSize();

        JsonNode problem = assertRefused(409, "rule-violated", "channel-already-open", "/api/channels",
                ValidChannel.conveneWith(second, crisisId, null));

        assertThat(problem.path("detail").asText()).contains(channelId);
        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
        assertThat(eventCount(second)).isZero();
        assertThat(store.deadlines(second)).isZero();
    }

    @Test
    void conveningWithoutAnInvolvedMajorPowerIs409InvolvedPowerMissing() {
        String other = Crises.raise(api);
        long before = store.storeSize();

        JsonNode problem = assertRefused(409, "rule-violated", "involved-power-missing", "/api/channels",
                Channels.convene(other, "US", "JP", "ASEAN"));

        assertThat(problem.path("detail").asText()).contains("CN");
        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(other)).containsExactly("RegionalCrisisRaised");
    }

    @Test
    void conveningWithoutAseanAboutACrisisOfAnAseanMemberIs409AseanMissing() {
        String other = Crises.raise(api);
        long before = store.storeSize();

        JsonNode problem = assertRefused(409, "rule-violated", "asean-missing", "/api/channels",
                Channels.convene(other, "CN", "US"));

        assertThat(problem.path("detail").asText()).contains("ASEAN");
        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(other)).containsExactly("RegionalCrisisRaised");
    }

    @Test
    void aseanNeedNotTakePartWhenNoInvolvedStateIsAMember() {
        String himalayan = Channels.raise(api, 4, "IN", "CN");

        Api.Answer answer = api.post("/api/channels", Channels.convene(himalayan, "IN", "CN")).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    }

    @Test
    void conveningForAResolvedCrisisIs409CrisisResolved() {
        String resolved = Crises.raise(api);
        Channels.ok(api, Crises.path(resolved, "/resolution"), Crises.RESOLUTION);
        String newChannel = Crises.randomId();
        long before = store.storeSize();

        assertRefused(409, "rule-violated", "crisis-resolved", "/api/channels",
                ValidChannel.conveneWith(newChannel, resolved, null));

        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(resolved)).containsExactly("RegionalCrisisRaised", "CrisisResolved");
        assertThat(eventCount(newChannel)).isZero();
    }

    @Test
    void conveningWithAChannelIdAlreadyUsedIs409ChannelAlreadyExists() {
        String other = Crises.raise(api);
        long before = store.storeSize();

        assertRefused(409, "rule-violated", "channel-already-exists", "/api/channels",
                ValidChannel.conveneWith(channelId, other, null));

        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(other)).containsExactly("RegionalCrisisRaised");
        assertChannelUnchanged(1);
    }

    @Test
    void conveningWithTheIdOfACrisisAsChannelIdIs409ChannelAlreadyExists() {
        String other = Crises.raise(api);
        long before = store.storeSize();

        assertRefused(409, "rule-violated", "channel-already-exists", "/api/channels",
                ValidChannel.conveneWith(other, other, null));

        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(other)).containsExactly("RegionalCrisisRaised");
    }

    // 409: the channel's own rules

    @Test
    void aPowerThatIsNotAParticipantMayNotAcknowledgeStateProposeOrEndorse() {
        String proposalId = Channels.propose(api, channelId, "US");

        JsonNode problem = assertRefused(409, "rule-violated", "not-a-participant", path(channelId, "/acknowledgements"),
                Channels.participant("RU"));
        assertRefused(409, "rule-violated", "not-a-participant", path(channelId, "/statements"),
                Channels.statement("JP", "We observe"));
        assertRefused(409, "rule-violated", "not-a-participant", path(channelId, "/joint-statements"),
                Channels.proposal("IN", "A text"));
        assertRefused(409, "rule-violated", "not-a-participant", endorsements(channelId, proposalId),
                Channels.participant("RU"));

        assertThat(problem.path("detail").asText()).contains("RU");
        assertChannelUnchanged(2);
    }

    @Test
    void acknowledgingTwiceIs409AlreadyAcknowledged() {
        Channels.ok(api, path(channelId, "/acknowledgements"), Channels.participant("CN"));

        assertRefused(409, "rule-violated", "already-acknowledged", path(channelId, "/acknowledgements"),
                Channels.participant("CN"));

        assertChannelUnchanged(2);
    }

    @Test
    void everyCommandOfAClosedChannelIs409ChannelClosed() {
        String proposalId = Channels.propose(api, channelId, "US");
        Channels.ok(api, path(channelId, "/closure"), Channels.closure("NO_CONSENSUS", "Talks stalled"));
        long before = store.storeSize();

        assertEveryChannelCommandRefused(channelId, proposalId, 409, "rule-violated", "channel-closed");

        assertThat(store.storeSize()).isEqualTo(before);
        assertChannelUnchanged(3);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened", "PowerTrackClosed");
    }

    @Test
    void proposingAfterAnAdoptionIs409JointStatementAlreadyAdopted() {
        adoptAJointStatement();

        JsonNode problem = assertRefused(409, "rule-violated", "joint-statement-already-adopted",
                path(channelId, "/joint-statements"), Channels.proposal("US", "Another text"));

        assertThat(problem.path("detail").asText()).contains("adopted");
        assertChannelUnchanged(6);
    }

    @Test
    void proposingWithAProposalIdTheChannelHasIs409ProposalIdTaken() {
        String proposalId = Crises.randomId();
        assertThat(api.post(path(channelId, "/joint-statements"), Channels.proposal(proposalId, "CN", "First"))
                .send().status()).isEqualTo(201);

        assertRefused(409, "rule-violated", "proposal-id-taken", path(channelId, "/joint-statements"),
                Channels.proposal(proposalId, "US", "Second"));

        assertChannelUnchanged(2);
    }

    @Test
    void endorsingAReplacedProposalIs409ProposalNotCurrent() {
        String replaced = Channels.propose(api, channelId, "CN");
        String current = Channels.propose(api, channelId, "US");

        JsonNode problem = assertRefused(409, "rule-violated", "proposal-not-current", endorsements(channelId, replaced),
                Channels.participant("ASEAN"));

        assertThat(problem.path("detail").asText()).contains(current);
        assertChannelUnchanged(3);
    }

    @Test
    void endorsingTwiceIs409AlreadyEndorsed() {
        String proposalId = Channels.propose(api, channelId, "CN");
        Channels.ok(api, endorsements(channelId, proposalId), Channels.participant("CN"));

        assertRefused(409, "rule-violated", "already-endorsed", endorsements(channelId, proposalId),
                Channels.participant("CN"));

        assertChannelUnchanged(3);
    }

    @Test
    void closingAsAdoptedWithoutAnAdoptionIs409NoJointStatementAdopted() {
        String proposalId = Channels.propose(api, channelId, "CN");
        Channels.ok(api, endorsements(channelId, proposalId), Channels.participant("CN"));

        assertRefused(409, "rule-violated", "no-joint-statement-adopted", path(channelId, "/closure"),
                Channels.closure("JOINT_STATEMENT_ADOPTED", "We agreed"));

        assertChannelUnchanged(3);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
    }

    /** Every participant endorses one proposal, which is adopted. */
    private void adoptAJointStatement() {
        String proposalId = Channels.propose(api, channelId, "ASEAN");
        for (String participant : new String[] {"CN", "US", "ASEAN"}) {
            Channels.ok(api, endorsements(channelId, proposalId), Channels.participant(participant));
        }
        assertThat(store.ofType(channelId, "JointStatementAdopted")).hasSize(1);
    }

    private void assertEveryChannelCommandRefused(String id, int status, String slug, String rule) {
        assertEveryChannelCommandRefused(id, Crises.randomId(), status, slug, rule);
    }

    private void assertEveryChannelCommandRefused(String id, String proposalId, int status, String slug, String rule) {
        assertRefused(status, slug, rule, path(id, "/acknowledgements"), Channels.participant("CN"));
        assertRefused(status, slug, rule, path(id, "/statements"), Channels.statement("CN", "We object"));
        assertRefused(status, slug, rule, path(id, "/joint-statements"), Channels.proposal("CN", "A text"));
        assertRefused(status, slug, rule, endorsements(id, proposalId), Channels.participant("US"));
        assertRefused(status, slug, rule, path(id, "/closure"), Channels.closure("NO_CONSENSUS", "again"));
        assertRefused(status, slug, rule, path(id, "/closure"), Channels.closure("SUPERSEDED", null));
    }

    private JsonNode assertRefused(int status, String slug, String rule, String path, String body) {
        Api.Answer answer = api.post(path, body).send();
        JsonNode problem = assertProblem(answer, status, slug, path);
        assertThat(problem.path("rule").asText()).as("rule of %s", answer.raw().body()).isEqualTo(rule);
        return problem;
    }

    private JsonNode assertInvalid(String path, String body) {
        return assertProblem(api.post(path, body).send(), 400, "invalid-request", path);
    }

    private JsonNode assertConveneInvalid(String body, String field) {
        long before = store.storeSize();
        JsonNode problem = assertInvalid("/api/channels", body);
        assertThat(errorFields(problem)).as(body).containsExactly(field);
        assertThat(store.storeSize()).isEqualTo(before);
        assertThat(store.types(crisisId)).containsExactly("RegionalCrisisRaised", "PowerTrackOpened");
        return problem;
    }

    private JsonNode assertChannelInvalid(String tail, String body, String field) {
        long before = store.storeSize();
        JsonNode problem = assertInvalid(path(channelId, tail), body);
        assertThat(errorFields(problem)).as(body).containsExactly(field);
        assertThat(store.storeSize()).isEqualTo(before);
        assertChannelUnchanged(1);
        return problem;
    }

    /** The channel still holds exactly {@code events} events. */
    private void assertChannelUnchanged(long events) {
        assertThat(eventCount(channelId)).as("events of the channel: %s", store.types(channelId)).isEqualTo(events);
    }
}
