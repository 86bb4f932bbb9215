package org.crisiscoordination.query.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.JointStatementAdopted;
import org.crisiscoordination.kernel.channel.JointStatementEndorsed;
import org.crisiscoordination.kernel.channel.JointStatementProposed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.MemberStateJoined;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.IN;
import static org.crisiscoordination.kernel.region.MajorPower.JP;
import static org.crisiscoordination.kernel.region.MajorPower.RU;
import static org.crisiscoordination.kernel.region.MajorPower.US;

/**
 * The channel view end to end: events appended to the store as the command service stores them,
 * projected by the tracking processors, read over HTTP. Pledges belong to the security mechanism,
 * a single aggregate whose state every test shares: only the first test here makes any.
 */
class ChannelViewIT extends QueryServiceIT {

    private static final Duration PROJECTED = Duration.ofSeconds(10);
    private static final Duration WITHIN = Duration.ofHours(2);

    private History history;
    private Instant t0;

    @BeforeEach
    void history() {
        history = new History(new EventAppender(jdbc).notifying());
        t0 = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void showsEveryFieldOfAChannelWithItsParticipantsStatementsProposalAndPledges() {
        Instant pledgedAt = t0.minus(1, ChronoUnit.DAYS);
        history.mechanism(new NonViolencePledgeMade(MechanismId.ASIA_PACIFIC, Party.of(JP)), pledgedAt);
        history.mechanism(new MemberStateJoined(MechanismId.ASIA_PACIFIC, StateCode.of("VN")), pledgedAt);
        history.mechanism(new NonViolencePledgeMade(MechanismId.ASIA_PACIFIC, Party.of("VN")), pledgedAt);
        history.mechanism(new NonViolencePledgeMade(MechanismId.ASIA_PACIFIC, Party.of(CN)), pledgedAt.plusSeconds(60));
        CrisisId crisis = history.raise(SecurityTopic.MARITIME_SECURITY, t0.minusSeconds(600), "PH", "CN");
        ChannelId channel = history.convene(crisis, t0, WITHIN, US, CN, ASEAN);
        ProposalId proposal = ProposalId.random();
        history.channel(channel, new ChannelParticipationAcknowledged(channel, CN, false), t0.plusSeconds(300));
        history.channel(channel, new PositionStatementSubmitted(channel, CN, "restraint"), t0.plusSeconds(600));
        history.channel(channel, new PositionStatementSubmitted(channel, US, "freedom of navigation"),
                t0.plusSeconds(1200));
        history.channel(channel, new JointStatementProposed(channel, proposal, ASEAN, "code of conduct", null),
                t0.plusSeconds(1800));
        history.channel(channel, new JointStatementEndorsed(channel, proposal, CN), t0.plusSeconds(2400));
        history.channel(channel, new ChannelAcknowledgementOverdue(channel, US, t0.plus(WITHIN)), t0.plus(WITHIN));
        history.channel(channel, new ChannelAcknowledgementOverdue(channel, ASEAN, t0.plus(WITHIN)),
                t0.plus(WITHIN));
        Instant lateAcknowledgement = t0.plus(WITHIN).plusSeconds(3600);
        history.channel(channel, new ChannelParticipationAcknowledged(channel, US, true), lateAcknowledgement);
        history.channel(channel, new JointStatementEndorsed(channel, proposal, US),
                lateAcknowledgement.plusSeconds(60));
        // the crisis's own events are no events of its channel
        history.crisis(crisis, new CrisisEscalated(crisis, Severity.of(3), Severity.of(4), "collision"),
                lateAcknowledgement.plusSeconds(120));

        Api.Answer answer = awaitView(channel, view -> view.get("version").asLong() == 9
                && view.get("pledges").size() == 1);
        JsonNode view = answer.json();

        assertThat(view.get("channelId").asText()).isEqualTo(channel.toString());
        assertThat(view.get("crisisId").asText()).isEqualTo(crisis.toString());
        assertThat(view.get("agenda").asText()).isEqualTo("agenda of " + channel);
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("outcome").isNull()).isTrue();
        assertThat(view.get("note").isNull()).isTrue();
        assertThat(view.get("closedAt").isNull()).isTrue();
        assertThat(Instant.parse(view.get("convenedAt").asText())).isEqualTo(t0);
        assertThat(view.get("acknowledgeWithin").asText()).isEqualTo("PT2H");
        assertThat(Instant.parse(view.get("acknowledgeBy").asText())).isEqualTo(t0.plus(WITHIN));
        assertThat(view.get("version").asLong()).isEqualTo(9);
        assertThat(answer.header("ETag")).isEqualTo("\"9\"");
        assertThat(view.get("acknowledged").asInt()).isEqualTo(2);

        List<JsonNode> participants = list(view.get("participants"));
        assertThat(participants).extracting(p -> p.get("participant").asText()).containsExactly("US", "CN", "ASEAN");
        JsonNode us = participants.get(0);
        assertThat(Instant.parse(us.get("acknowledgedAt").asText())).isEqualTo(lateAcknowledgement);
        assertThat(Duration.parse(us.get("acknowledgementLatency").asText())).isEqualTo(Duration.ofHours(3));
        assertThat(us.get("late").asBoolean()).isTrue();
        assertThat(us.get("overdue").asBoolean()).isTrue();
        assertThat(Instant.parse(us.get("overdueAt").asText())).isEqualTo(t0.plus(WITHIN));
        assertThat(us.get("pledged").asBoolean()).isFalse();
        JsonNode cn = participants.get(1);
        assertThat(Instant.parse(cn.get("acknowledgedAt").asText())).isEqualTo(t0.plusSeconds(300));
        assertThat(cn.get("acknowledgementLatency").asText()).isEqualTo("PT5M");
        assertThat(cn.get("late").asBoolean()).isFalse();
        assertThat(cn.get("overdue").asBoolean()).isFalse();
        assertThat(cn.get("overdueAt").isNull()).isTrue();
        assertThat(cn.get("pledged").asBoolean()).isTrue();
        JsonNode asean = participants.get(2);
        assertThat(asean.get("acknowledgedAt").isNull()).isTrue();
        assertThat(asean.get("acknowledgementLatency").isNull()).isTrue();
        assertThat(asean.get("late").asBoolean()).isFalse();
        assertThat(asean.get("overdue").asBoolean()).isTrue();
        assertThat(Instant.parse(asean.get("overdueAt").asText())).isEqualTo(t0.plus(WITHIN));
        assertThat(asean.get("pledged").asBoolean()).isFalse();

        List<JsonNode> statements = list(view.get("statements"));
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).get("participant").asText()).isEqualTo("CN");
        assertThat(statements.get(0).get("text").asText()).isEqualTo("restraint");
        assertThat(Instant.parse(statements.get(0).get("submittedAt").asText())).isEqualTo(t0.plusSeconds(600));
        assertThat(statements.get(1).get("participant").asText()).isEqualTo("US");
        assertThat(statements.get(1).get("text").asText()).isEqualTo("freedom of navigation");
        assertThat(Instant.parse(statements.get(1).get("submittedAt").asText())).isEqualTo(t0.plusSeconds(1200));

        assertThat(view.get("jointStatement").asText()).isEqualTo("PROPOSED");
        JsonNode current = view.get("currentProposal");
        assertThat(current.get("proposalId").asText()).isEqualTo(proposal.toString());
        assertThat(current.get("proposer").asText()).isEqualTo("ASEAN");
        assertThat(current.get("text").asText()).isEqualTo("code of conduct");
        assertThat(Instant.parse(current.get("proposedAt").asText())).isEqualTo(t0.plusSeconds(1800));
        assertThat(current.get("status").asText()).isEqualTo("CURRENT");
        assertThat(current.get("endorsed").asInt()).isEqualTo(2);
        assertThat(current.get("required").asInt()).isEqualTo(3);
        assertThat(current.get("adoptedAt").isNull()).isTrue();
        List<JsonNode> endorsements = list(current.get("endorsements"));
        assertThat(endorsements).extracting(e -> e.get("participant").asText()).containsExactly("CN", "US");
        assertThat(Instant.parse(endorsements.get(0).get("endorsedAt").asText())).isEqualTo(t0.plusSeconds(2400));
        assertThat(Instant.parse(endorsements.get(1).get("endorsedAt").asText()))
                .isEqualTo(lateAcknowledgement.plusSeconds(60));

        List<JsonNode> pledges = list(view.get("pledges"));
        assertThat(pledges).hasSize(1);
        assertThat(pledges.get(0).get("party").asText()).isEqualTo("CN");
        assertThat(Instant.parse(pledges.get(0).get("pledgedAt").asText())).isEqualTo(pledgedAt.plusSeconds(60));
    }

    @Test
    void aFreshlyConvenedChannelHasNoJointStatementNoStatementsAndNoAcknowledgement() {
        CrisisId crisis = history.raise(SecurityTopic.NUCLEAR_SAFETY, t0, "IN");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(60), Duration.ofHours(24), IN, RU);

        JsonNode view = awaitView(channel, v -> v.get("version").asLong() == 0).json();

        assertThat(view.get("jointStatement").asText()).isEqualTo("NONE");
        assertThat(view.get("currentProposal").isNull()).isTrue();
        assertThat(view.get("statements")).isEmpty();
        assertThat(view.get("acknowledged").asInt()).isZero();
        assertThat(view.get("acknowledgeWithin").asText()).isEqualTo("PT24H");
        assertThat(Instant.parse(view.get("acknowledgeBy").asText()))
                .isEqualTo(t0.plusSeconds(60).plus(Duration.ofHours(24)));
        assertThat(list(view.get("participants"))).extracting(p -> p.get("participant").asText())
                .containsExactly("IN", "RU");
        assertThat(list(view.get("participants"))).allSatisfy(p -> {
            assertThat(p.get("acknowledgedAt").isNull()).isTrue();
            assertThat(p.get("overdue").asBoolean()).isFalse();
            assertThat(p.get("late").asBoolean()).isFalse();
        });
    }

    @Test
    void aNewProposalReplacesTheCurrentOneAndStartsWithoutItsEndorsements() {
        ChannelId channel = history.convene(history.raise(SecurityTopic.CYBER_SECURITY, t0, "JP"), t0, WITHIN,
                JP, CN, US);
        ProposalId first = ProposalId.random();
        ProposalId second = ProposalId.random();
        history.channel(channel, new JointStatementProposed(channel, first, JP, "first draft", null),
                t0.plusSeconds(60));
        history.channel(channel, new JointStatementEndorsed(channel, first, CN), t0.plusSeconds(120));
        history.channel(channel, new JointStatementEndorsed(channel, first, US), t0.plusSeconds(180));
        history.channel(channel, new JointStatementProposed(channel, second, US, "second draft", first),
                t0.plusSeconds(240));

        JsonNode view = awaitView(channel, v -> v.get("version").asLong() == 4).json();

        assertThat(view.get("jointStatement").asText()).isEqualTo("PROPOSED");
        JsonNode current = view.get("currentProposal");
        assertThat(current.get("proposalId").asText()).isEqualTo(second.toString());
        assertThat(current.get("proposer").asText()).isEqualTo("US");
        assertThat(current.get("text").asText()).isEqualTo("second draft");
        assertThat(current.get("status").asText()).isEqualTo("CURRENT");
        assertThat(current.get("endorsements")).isEmpty();
        assertThat(current.get("endorsed").asInt()).isZero();
        assertThat(current.get("required").asInt()).isEqualTo(3);
    }

    @Test
    void anAdoptedJointStatementAndTheClosureThatFollowsAreShown() {
        CrisisId crisis = history.raise(SecurityTopic.COUNTER_TERRORISM, t0, "RU");
        ChannelId channel = history.convene(crisis, t0, WITHIN, RU, CN);
        ProposalId proposal = ProposalId.random();
        history.channel(channel, new JointStatementProposed(channel, proposal, RU, "joint text", null),
                t0.plusSeconds(60));
        history.channel(channel, new JointStatementEndorsed(channel, proposal, CN), t0.plusSeconds(120));
        history.channel(channel, new JointStatementEndorsed(channel, proposal, RU), t0.plusSeconds(180));
        history.channel(channel, new JointStatementAdopted(channel, proposal, "joint text"), t0.plusSeconds(180));
        JsonNode adopted = awaitView(channel, v -> v.get("version").asLong() == 4).json();

        assertThat(adopted.get("jointStatement").asText()).isEqualTo("ADOPTED");
        JsonNode current = adopted.get("currentProposal");
        assertThat(current.get("proposalId").asText()).isEqualTo(proposal.toString());
        assertThat(current.get("status").asText()).isEqualTo("ADOPTED");
        assertThat(current.get("endorsed").asInt()).isEqualTo(2);
        assertThat(current.get("required").asInt()).isEqualTo(2);
        assertThat(list(current.get("endorsements"))).extracting(e -> e.get("participant").asText())
                .containsExactly("CN", "RU");
        assertThat(Instant.parse(current.get("adoptedAt").asText())).isEqualTo(t0.plusSeconds(180));
        assertThat(adopted.get("status").asText()).isEqualTo("OPEN");

        history.channel(channel, new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.JOINT_STATEMENT_ADOPTED,
                "statement issued"), t0.plusSeconds(240));
        history.crisis(crisis, new PowerTrackClosed(crisis, channel, ChannelOutcome.JOINT_STATEMENT_ADOPTED),
                t0.plusSeconds(240));
        JsonNode closed = awaitView(channel, v -> v.get("version").asLong() == 5).json();

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("JOINT_STATEMENT_ADOPTED");
        assertThat(closed.get("note").asText()).isEqualTo("statement issued");
        assertThat(Instant.parse(closed.get("closedAt").asText())).isEqualTo(t0.plusSeconds(240));
        assertThat(closed.get("jointStatement").asText()).isEqualTo("ADOPTED");
    }

    @Test
    void answersTheAggregateVersionAsETagAndTheWholeViewEvenForAnIfNoneMatchOfIt() {
        ChannelId channel = history.convene(history.raise(SecurityTopic.PUBLIC_HEALTH, t0, "IN"), t0, WITHIN, IN, CN);
        history.channel(channel, new PositionStatementSubmitted(channel, IN, "vaccines"), t0.plusSeconds(60));
        Api.Answer current = awaitView(channel, v -> v.get("version").asLong() == 1);
        assertThat(current.header("ETag")).isEqualTo("\"1\"");

        // the version names the aggregate, not the view (which other aggregates change too): no 304
        Api.Answer same = api.get("/api/channels/" + channel).header("If-None-Match", "\"1\"").send();
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(1);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");

        Api.Answer changed = api.get("/api/channels/" + channel).header("If-None-Match", "\"0\"").send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownChannelIsANotFoundProblem() {
        String id = UUID.randomUUID().toString();

        Api.Answer answer = api.get("/api/channels/" + id).header("X-Correlation-Id", "channel-404-check").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
        assertThat(answer.text("title")).isNotBlank();
        assertThat(answer.text("detail")).contains(id);
        assertThat(answer.text("instance")).isEqualTo("/api/channels/" + id);
        assertThat(answer.text("correlationId")).isEqualTo("channel-404-check");
    }

    @Test
    void aMalformedChannelIdIsAnInvalidRequestNamingIt() {
        Api.Answer answer = api.get("/api/channels/not-a-uuid").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(fields(answer)).containsExactly("channelId");
    }

    // --- the channel's timeline ------------------------------------------------------------------

    @Test
    void theTimelineOfAChannelHasItsOwnEventsOldestFirst() {
        CrisisId crisis = history.raise(SecurityTopic.MARITIME_SEARCH_AND_RESCUE, t0, "JP");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(10), WITHIN, JP, US);
        long convened = history.last();
        ChannelId other = history.convene(history.raise(SecurityTopic.MARITIME_SEARCH_AND_RESCUE, t0, "US"),
                t0.plusSeconds(15), WITHIN, US, CN);
        long acknowledged = history.channel(channel, new ChannelParticipationAcknowledged(channel, JP, false),
                t0.plusSeconds(20)).position();
        history.channel(other, new PositionStatementSubmitted(other, US, "elsewhere"), t0.plusSeconds(25));
        history.crisis(crisis, new CrisisEscalated(crisis, Severity.of(3), Severity.of(4), "typhoon"),
                t0.plusSeconds(30));
        long stated = history.channel(channel, new PositionStatementSubmitted(channel, US, "search together"),
                t0.plusSeconds(40)).position();

        Api.Answer answer = api.get("/api/channels/" + channel + "/timeline").send();

        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> entries = list(answer.json().get("entries"));
        assertThat(entries).extracting(e -> e.get("position").asLong()).containsExactly(convened, acknowledged, stated);
        assertThat(entries).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(entries).extracting(e -> e.get("eventType").asText()).containsExactly(
                "MajorPowerChannelConvened", "ChannelParticipationAcknowledged", "PositionStatementSubmitted");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("aggregateType").asText()).isEqualTo(History.CHANNEL);
            assertThat(e.get("aggregateId").asText()).isEqualTo(channel.toString());
            assertThat(e.get("actor").asText()).isEqualTo("delegate@secretariat");
        });
        assertThat(entries.get(2).get("payload").get("text").asText()).isEqualTo("search together");
        assertThat(entries.get(1).get("previousHash").asText()).isEqualTo(entries.get(0).get("hash").asText());
        assertThat(entries.get(2).get("previousHash").asText()).isEqualTo(entries.get(1).get("hash").asText());
    }

    @Test
    void theTimelineOfACrisisIdIsNotAChannelTimeline() {
        CrisisId crisis = history.raise(SecurityTopic.DISASTER_RELIEF, t0, "NP");

        Api.Answer answer = api.get("/api/channels/" + crisis + "/timeline").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
    }

    @Test
    void theTimelineOfAnUnknownChannelIsNotFound() {
        Api.Answer answer = api.get("/api/channels/" + UUID.randomUUID() + "/timeline").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
    }

    @Test
    void theTimelineOfAMalformedChannelIdIsAnInvalidRequest() {
        Api.Answer answer = api.get("/api/channels/42/timeline").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("channelId");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Reads the channel until its view satisfies the condition (the projections are eventually consistent). */
    private Api.Answer awaitView(ChannelId channel, Predicate<JsonNode> condition) {
        Api.Answer[] answer = new Api.Answer[1];
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(25)).until(() -> {
            answer[0] = api.get("/api/channels/" + channel).send();
            return answer[0].status() == 200 && condition.test(answer[0].json());
        });
        return answer[0];
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> fields(Api.Answer answer) {
        JsonNode errors = answer.json().get("errors");
        return errors == null ? List.of() : list(errors).stream().map(error -> error.get("field").asText()).toList();
    }
}
