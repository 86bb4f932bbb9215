package org.crisiscoordination.command.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.ValidChannel;
import org.crisiscoordination.edge.security.AccessTable;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * The rights matrix of the write API, over the running service: every write endpoint of
 * {@link WriteRights#TABLE} with no token (401), a caller without its role (403), a caller with
 * the role acting for another party where the right is a party's (403), and the rightful caller,
 * whose write is carried out. A refused write appends nothing.
 */
class WriteRightsMatrixIT extends CommandServiceIT {

    private static final TestCaller SECRETARIAT = TestCaller.secretariat();
    /** Holds every role but the secretariat's, to show that only the right role counts. */
    private static final TestCaller NOT_SECRETARIAT = new TestCaller("test-everyone-else",
            List.of("DELEGATE", "LIAISON", "AUDITOR", "OPERATOR"), "CN");

    /** One write, prepared against the running service: where it goes, what it sends, who may send it. */
    record Case(String right, String path, String body, TestCaller rightful, TestCaller wrongRole, TestCaller wrongParty) {
        @Override
        public String toString() {
            return right;
        }
    }

    /** Each endpoint's case, built when the test runs (it needs crises, referrals and channels to exist). */
    static Stream<Arguments> endpoints() {
        return Stream.<Function<Api, Case>>of(
                api -> new Case("raise-crisis", "/api/crises", Crises.RAISE, SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("escalate-crisis", path(Crises.raise(api), "/escalations"), Crises.severity(4),
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("de-escalate-crisis", path(Crises.raise(api), "/de-escalations"), Crises.severity(2),
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("refer-crisis", path(Crises.raise(api), "/referrals"), Crises.referral("ASEAN"),
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("record-minilateral-involvement", path(Crises.raise(api), "/minilateral-involvements"),
                        Crises.involvement("QUAD"), SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("resolve-crisis", path(Crises.raise(api), "/resolution"), Crises.RESOLUTION,
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> referralAnswer(api, "accept-referral", "/acceptance", "{}", false),
                api -> referralAnswer(api, "decline-referral", "/decline", Crises.DECLINE, false),
                api -> referralAnswer(api, "report-referral-outcome", "/outcome", Crises.OUTCOME, true),
                api -> new Case("convene-channel", "/api/channels", ValidChannel.convene(Crises.raise(api)),
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("close-channel", Channels.path(channel(api), "/closure"),
                        Channels.closure("SUPERSEDED", null), SECRETARIAT, NOT_SECRETARIAT, null),
                api -> delegates("acknowledge-channel", Channels.path(channel(api), "/acknowledgements"),
                        Channels.participant("CN")),
                api -> delegates("state-position", Channels.path(channel(api), "/statements"),
                        Channels.statement("CN", "Restraint on both sides")),
                api -> delegates("propose-joint-statement", Channels.path(channel(api), "/joint-statements"),
                        Channels.proposal("CN", "The parties will refrain from the use of force")),
                api -> {
                    String channel = channel(api);
                    return delegates("endorse-joint-statement",
                            Channels.endorsements(channel, Channels.propose(api, channel, "US")), Channels.participant("CN"));
                },
                api -> new Case("admit-topic", "/api/mechanism/topics", "{\"topic\":\"DISASTER_RELIEF\"}",
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> new Case("admit-member", "/api/mechanism/members", "{\"state\":\"" + aState() + "\"}",
                        SECRETARIAT, NOT_SECRETARIAT, null),
                api -> delegates("pledge", "/api/mechanism/pledges", "{\"party\":\"CN\"}"),
                api -> new Case("sign-checkpoint", "/api/audit/checkpoints", "", TestCaller.auditor(),
                        TestCaller.secretariat(), null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{index}: no token")
    @MethodSource("endpoints")
    void withoutATokenEveryWriteIs401AndAppendsNothing(Function<Api, Case> endpoint) {
        Case write = endpoint.apply(api);
        long before = eventCount();

        Api.Answer answer = api.post(write.path(), write.body()).anonymous().send();

        assertProblem(answer, 401, "authentication-required", write.path());
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{index}: wrong role")
    @MethodSource("endpoints")
    void aCallerWithoutTheRoleIs403NamingTheRightAndAppendsNothing(Function<Api, Case> endpoint) {
        Case write = endpoint.apply(api);
        long before = eventCount();

        Api.Answer answer = api.post(write.path(), write.body()).as(write.wrongRole()).send();

        JsonNode problem = assertProblem(answer, 403, "right-missing", write.path());
        assertThat(problem.path("right").asText()).isEqualTo(write.right());
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{index}: wrong party")
    @MethodSource("endpoints")
    void aCallerOfTheRoleActingForAnotherPartyIs403AndAppendsNothing(Function<Api, Case> endpoint) {
        Case write = endpoint.apply(api);
        if (write.wrongParty() == null) {
            assertThat(WriteRights.TABLE.row(write.right()).role()).as("a right of no party")
                    .isNotIn(org.crisiscoordination.edge.security.Role.DELEGATE, org.crisiscoordination.edge.security.Role.LIAISON);
            return;
        }
        long before = eventCount();

        Api.Answer answer = api.post(write.path(), write.body()).as(write.wrongParty()).send();

        JsonNode problem = assertProblem(answer, 403, "right-missing", write.path());
        assertThat(problem.path("right").asText()).isEqualTo(write.right());
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{index}: rightful caller")
    @MethodSource("endpoints")
    void theRightfulCallersWriteIsCarriedOut(Function<Api, Case> endpoint) {
        Case write = endpoint.apply(api);

        Api.Answer answer = api.post(write.path(), write.body()).as(write.rightful()).send();

        if (write.path().startsWith("/api/mechanism")) {
            // the one mechanism is shared by every test: a topic, member or pledge may be there already
            assertThat(answer.status()).as(answer.raw().body()).isIn(200, 409);
            assertThat(answer.raw().body()).doesNotContain("right-missing");
        } else {
            assertThat(answer.status()).as(answer.raw().body()).isIn(200, 201);
        }
    }

    @Test
    void theMatrixCoversEveryWriteOfTheTable() {
        List<String> covered = endpoints().map(arguments -> {
            @SuppressWarnings("unchecked")
            Function<Api, Case> endpoint = (Function<Api, Case>) arguments.get()[0];
            return endpoint.apply(api).right();
        }).toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(WriteRights.TABLE.rows().stream()
                .filter(row -> row.path().startsWith("/api/")).map(AccessTable.Row::right).toList());
    }

    @Test
    void aDelegateMayNotActForAnotherPartyEvenInAChannelBothTakePartIn() {
        String channel = channel(api);
        String path = Channels.path(channel, "/acknowledgements");

        Api.Answer answer = api.post(path, Channels.participant("CN")).as(TestCaller.delegate("US")).send();

        JsonNode problem = assertProblem(answer, 403, "right-missing", path);
        assertThat(problem.path("detail").asText()).contains("CN", "US");
        assertThat(eventCount(channel)).isEqualTo(1);
    }

    @Test
    void aLiaisonOfAnotherKindOfPartyHoldsNoLiaisonRight() {
        String crisis = Crises.raise(api);
        String referral = Crises.refer(api, crisis, "ASEAN");
        String path = referralPath(crisis, referral, "/acceptance");

        Api.Answer answer = api.post(path, "{}").as(TestCaller.liaison("ASEAN").representing("PH")).send();

        assertProblem(answer, 403, "right-missing", path);
        assertThat(eventCount(crisis)).isEqualTo(2);
    }

    @Test
    void aLiaisonAnsweringAReferralThatDoesNotExistIsToldItIsNotFound() {
        String crisis = Crises.raise(api);
        String path = referralPath(crisis, UUID.randomUUID().toString(), "/acceptance");

        Api.Answer answer = api.post(path, "{}").as(TestCaller.liaison("SCO")).send();

        assertThat(assertProblem(answer, 404, "not-found", path).path("rule").asText()).isEqualTo("referral-not-found");
    }

    /** A referral to ASEAN (accepted first when {@code accepted}); ASEAN's liaison answers, SCO's may not. */
    private static Case referralAnswer(Api api, String right, String tail, String body, boolean accepted) {
        String crisis = Crises.raise(api);
        String referral = accepted ? Crises.referAccepted(api, crisis, "ASEAN") : Crises.refer(api, crisis, "ASEAN");
        return new Case(right, referralPath(crisis, referral, tail), body, TestCaller.liaison("ASEAN"),
                TestCaller.secretariat().representing("ASEAN"), TestCaller.liaison("SCO"));
    }

    /** A delegate's write for CN: CN's delegate may, the secretariat may not, the US's delegate may not. */
    private static Case delegates(String right, String path, String body) {
        return new Case(right, path, body, TestCaller.delegate("CN"), TestCaller.secretariat().representing("CN"),
                TestCaller.delegate("US"));
    }

    /** A channel of CN, US and ASEAN about a crisis of the Philippines and China. */
    private static String channel(Api api) {
        return Channels.convene(api, Crises.raise(api), "CN", "US", "ASEAN");
    }

    /** A state of the region that may or may not have joined already. */
    private static String aState() {
        return "VN";
    }
}
