package org.crisiscoordination.query.board;

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
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.IN;
import static org.crisiscoordination.kernel.region.MajorPower.JP;
import static org.crisiscoordination.kernel.region.MajorPower.RU;
import static org.crisiscoordination.kernel.region.MajorPower.US;

/**
 * The crisis board's power track and agenda flags end to end: crisis, channel and mechanism
 * streams appended as the command service stores them, projected, read over HTTP. A crisis's
 * version is its own stream's: its channel's events show on the board but do not change it. The
 * agreed agenda is global to the store, so each agenda test admits a topic no other test admits.
 */
class BoardPowerTrackIT extends QueryServiceIT {

    private static final Duration PROJECTED = Duration.ofSeconds(10);
    private static final Duration WITHIN = Duration.ofHours(24);

    private History history;
    private Instant t0;

    @BeforeEach
    void history() {
        history = new History(new EventAppender(jdbc).notifying());
        t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aConvenedChannelEngagesThePowerTrackAndTheCrisisKeepsItsOwnStreamsVersion() {
        CrisisId crisis = history.raise(SecurityTopic.MARITIME_SECURITY, t0, "PH", "CN");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(60), WITHIN, CN, US, ASEAN);

        Api.Answer answer = awaitCrisis(crisis, view -> view.get("powerTrack").get("participants").asInt() == 3);
        JsonNode view = answer.json();

        JsonNode power = view.get("powerTrack");
        assertThat(power.get("engaged").asBoolean()).isTrue();
        assertThat(power.get("channelId").asText()).isEqualTo(channel.toString());
        assertThat(power.get("status").asText()).isEqualTo("OPEN");
        assertThat(power.get("outcome").isNull()).isTrue();
        assertThat(power.get("participants").asInt()).isEqualTo(3);
        assertThat(power.get("acknowledged").asInt()).isZero();
        assertThat(power.get("jointStatement").asText()).isEqualTo("NONE");
        assertThat(view.get("status").asText()).isEqualTo("COORDINATING");
        assertThat(view.get("mechanismTrack").get("engaged").asBoolean()).isFalse();
        assertThat(view.get("dualTrack").asBoolean()).isFalse();
        assertThat(Instant.parse(view.get("lastActivityAt").asText())).isEqualTo(t0.plusSeconds(60));
        assertThat(view.get("version").asLong()).isEqualTo(1).isEqualTo(lastSequenceOf(crisis));
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void channelEventsMoveTheLastActivityButNotTheVersion() {
        CrisisId crisis = history.raise(SecurityTopic.PUBLIC_HEALTH, t0, "IN");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(60), WITHIN, IN, CN);
        history.channel(channel, new PositionStatementSubmitted(channel, IN, "share data"), t0.plusSeconds(600));
        history.channel(channel, new ChannelAcknowledgementOverdue(channel, CN, t0.plus(WITHIN)),
                t0.plusSeconds(1200));

        Api.Answer answer = awaitCrisis(crisis, view -> lastActivity(view).equals(t0.plusSeconds(1200)));

        assertThat(answer.json().get("version").asLong()).isEqualTo(1).isEqualTo(lastSequenceOf(crisis));
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
        assertThat(Instant.parse(answer.json().get("raisedAt").asText())).isEqualTo(t0);
    }

    @Test
    void acknowledgementsCountEachParticipantOnceEvenWhenAnEventIsRepeated() {
        CrisisId crisis = history.raise(SecurityTopic.COUNTER_TERRORISM, t0, "RU");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(60), WITHIN, RU, CN, US);
        history.channel(channel, new ChannelParticipationAcknowledged(channel, CN, false), t0.plusSeconds(120));
        history.channel(channel, new ChannelParticipationAcknowledged(channel, CN, false), t0.plusSeconds(180));
        history.channel(channel, new ChannelParticipationAcknowledged(channel, RU, false), t0.plusSeconds(240));

        JsonNode view = awaitCrisis(crisis, v -> lastActivity(v).equals(t0.plusSeconds(240))).json();

        assertThat(view.get("powerTrack").get("acknowledged").asInt()).isEqualTo(2);
        assertThat(view.get("powerTrack").get("participants").asInt()).isEqualTo(3);
        assertThat(view.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theJointStatementIsProposedThenAdopted() {
        CrisisId crisis = history.raise(SecurityTopic.CYBER_SECURITY, t0, "JP");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(60), WITHIN, JP, US);
        ProposalId proposal = ProposalId.random();
        history.channel(channel, new JointStatementProposed(channel, proposal, JP, "norms", null),
                t0.plusSeconds(120));

        assertThat(awaitCrisis(crisis, v -> lastActivity(v).equals(t0.plusSeconds(120))).json()
                .get("powerTrack").get("jointStatement").asText()).isEqualTo("PROPOSED");

        history.channel(channel, new JointStatementEndorsed(channel, proposal, US), t0.plusSeconds(180));
        history.channel(channel, new JointStatementEndorsed(channel, proposal, JP), t0.plusSeconds(240));
        history.channel(channel, new JointStatementAdopted(channel, proposal, "norms"), t0.plusSeconds(240));

        JsonNode adopted = awaitCrisis(crisis,
                v -> "ADOPTED".equals(v.get("powerTrack").get("jointStatement").asText())).json();
        assertThat(lastActivity(adopted)).isEqualTo(t0.plusSeconds(240));
        assertThat(adopted.get("powerTrack").get("status").asText()).isEqualTo("OPEN");
        assertThat(adopted.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aClosedChannelShowsItsOutcomeAndPowerTrackClosedMovesTheVersion() {
        CrisisId crisis = history.raise(SecurityTopic.NUCLEAR_SAFETY, t0, "IN");
        ChannelId channel = history.convene(crisis, t0.plusSeconds(60), WITHIN, IN, RU);
        history.channel(channel, new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.NO_CONSENSUS,
                "positions too far apart"), t0.plusSeconds(600));

        JsonNode closed = awaitCrisis(crisis, v -> "CLOSED".equals(v.get("powerTrack").get("status").asText()))
                .json();
        assertThat(closed.get("powerTrack").get("outcome").asText()).isEqualTo("NO_CONSENSUS");
        assertThat(closed.get("powerTrack").get("engaged").asBoolean()).isTrue();
        assertThat(closed.get("version").asLong()).isEqualTo(1);

        history.crisis(crisis, new PowerTrackClosed(crisis, channel, ChannelOutcome.NO_CONSENSUS), t0.plusSeconds(600));

        Api.Answer answer = awaitCrisis(crisis, v -> v.get("version").asLong() == 2);
        assertThat(answer.json().get("version").asLong()).isEqualTo(lastSequenceOf(crisis));
        assertThat(answer.header("ETag")).isEqualTo("\"2\"");
        assertThat(answer.json().get("powerTrack").get("status").asText()).isEqualTo("CLOSED");
        assertThat(answer.json().get("powerTrack").get("outcome").asText()).isEqualTo("NO_CONSENSUS");
        assertThat(lastActivity(answer.json())).isEqualTo(t0.plusSeconds(600));
        assertThat(answer.json().get("status").asText()).isEqualTo("COORDINATING");
    }

    @Test
    void aChannelConvenedAfterAClosedOneTakesItsPlaceWithCountsOfItsOwn() {
        CrisisId crisis = history.raise(SecurityTopic.TRANSNATIONAL_CRIME, t0, "CN");
        ChannelId first = history.convene(crisis, t0.plusSeconds(60), WITHIN, CN, US, RU);
        ProposalId proposal = ProposalId.random();
        history.channel(first, new ChannelParticipationAcknowledged(first, US, false), t0.plusSeconds(120));
        history.channel(first, new ChannelParticipationAcknowledged(first, RU, false), t0.plusSeconds(130));
        history.channel(first, new JointStatementProposed(first, proposal, US, "draft", null), t0.plusSeconds(140));
        history.channel(first, new MajorPowerChannelClosed(first, crisis, ChannelOutcome.SUPERSEDED, "a new format"),
                t0.plusSeconds(150));
        history.crisis(crisis, new PowerTrackClosed(crisis, first, ChannelOutcome.SUPERSEDED), t0.plusSeconds(150));
        ChannelId second = history.convene(crisis, t0.plusSeconds(200), WITHIN, CN, JP);
        history.channel(second, new ChannelParticipationAcknowledged(second, JP, false), t0.plusSeconds(260));

        JsonNode view = awaitCrisis(crisis, v -> lastActivity(v).equals(t0.plusSeconds(260))).json();

        JsonNode power = view.get("powerTrack");
        assertThat(power.get("channelId").asText()).isEqualTo(second.toString());
        assertThat(power.get("status").asText()).isEqualTo("OPEN");
        assertThat(power.get("outcome").isNull()).isTrue();
        assertThat(power.get("participants").asInt()).isEqualTo(2);
        assertThat(power.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(power.get("jointStatement").asText()).isEqualTo("NONE");
        assertThat(view.get("version").asLong()).isEqualTo(3).isEqualTo(lastSequenceOf(crisis));
    }

    @Test
    void dualTrackHoldsExactlyWhileAChannelAndAReferralNotDeclinedBothExist() {
        CrisisId crisis = history.raise(SecurityTopic.MARITIME_SECURITY, t0, "VN", "CN");
        assertThat(awaitCrisis(crisis, v -> v.get("version").asLong() == 0).json().get("dualTrack").asBoolean())
                .isFalse();

        history.convene(crisis, t0.plusSeconds(60), WITHIN, CN, ASEAN);
        JsonNode channelOnly = awaitCrisis(crisis, v -> v.get("powerTrack").get("participants").asInt() == 2).json();
        assertThat(channelOnly.get("powerTrack").get("engaged").asBoolean()).isTrue();
        assertThat(channelOnly.get("dualTrack").asBoolean()).isFalse();

        ReferralId asean = ReferralId.random();
        history.crisis(crisis, new CrisisReferredToOrganization(crisis, asean, Organization.ASEAN, "mediate"),
                t0.plusSeconds(120));
        assertThat(awaitCrisis(crisis, v -> v.get("version").asLong() == 2).json().get("dualTrack").asBoolean())
                .as("a pending referral and a channel").isTrue();

        history.crisis(crisis, new ReferralDeclined(crisis, asean, Organization.ASEAN, "no consensus"),
                t0.plusSeconds(180));
        JsonNode declined = awaitCrisis(crisis, v -> v.get("version").asLong() == 3).json();
        assertThat(declined.get("mechanismTrack").get("engaged").asBoolean()).isFalse();
        assertThat(declined.get("dualTrack").asBoolean()).as("only a declined referral and a channel").isFalse();

        ReferralId sco = ReferralId.random();
        history.crisis(crisis, new CrisisReferredToOrganization(crisis, sco, Organization.SCO, "observe"),
                t0.plusSeconds(240));
        history.crisis(crisis, new ReferralAccepted(crisis, sco, Organization.SCO), t0.plusSeconds(300));
        assertThat(awaitCrisis(crisis, v -> v.get("version").asLong() == 5).json().get("dualTrack").asBoolean())
                .as("an accepted referral and a channel").isTrue();
    }

    @Test
    void aCrisisRaisedUnderATopicAdmittedBeforeIsOnTheAgendaFromItsRaise() {
        history.mechanism(new SecurityTopicAdmitted(MechanismId.ASIA_PACIFIC, SecurityTopic.TERRITORIAL_DISPUTE, 3),
                t0);
        CrisisId crisis = history.raise(SecurityTopic.TERRITORIAL_DISPUTE, t0.plusSeconds(60), "IN", "CN");

        JsonNode agenda = awaitCrisis(crisis, v -> v.get("version").asLong() == 0).json().get("agenda");

        assertThat(agenda.get("onAgendaAtRaise").asBoolean()).isTrue();
        assertThat(agenda.get("onAgendaNow").asBoolean()).isTrue();
        assertThat(agenda.get("outsideAgreedAgenda").asBoolean()).isFalse();
    }

    @Test
    void aCrisisRaisedBeforeItsTopicWasAdmittedIsOnTheAgendaNowButNotAtItsRaise() {
        CrisisId crisis = history.raise(SecurityTopic.MILITARY_CONFRONTATION, t0, "JP", "CN");
        JsonNode before = awaitCrisis(crisis, v -> v.get("version").asLong() == 0).json().get("agenda");
        assertThat(before.get("onAgendaAtRaise").asBoolean()).isFalse();
        assertThat(before.get("onAgendaNow").asBoolean()).isFalse();
        assertThat(before.get("outsideAgreedAgenda").asBoolean()).isTrue();

        history.mechanism(new SecurityTopicAdmitted(MechanismId.ASIA_PACIFIC, SecurityTopic.MILITARY_CONFRONTATION,
                3), t0.plusSeconds(60));

        JsonNode after = awaitCrisis(crisis, v -> v.get("agenda").get("onAgendaNow").asBoolean()).json()
                .get("agenda");
        assertThat(after.get("onAgendaAtRaise").asBoolean()).isFalse();
        assertThat(after.get("outsideAgreedAgenda").asBoolean()).isFalse();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Reads the crisis until the board shows it satisfying the condition. */
    private Api.Answer awaitCrisis(CrisisId crisis, Predicate<JsonNode> condition) {
        Api.Answer[] answer = new Api.Answer[1];
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(25)).until(() -> {
            answer[0] = api.get("/api/crises/" + crisis).send();
            return answer[0].status() == 200 && condition.test(answer[0].json());
        });
        return answer[0];
    }

    private static Instant lastActivity(JsonNode view) {
        return Instant.parse(view.get("lastActivityAt").asText());
    }

    /** The crisis aggregate's version: the last sequence number of its own stream in the store. */
    private long lastSequenceOf(CrisisId crisis) {
        Long last = jdbc.queryForObject("select max(sequence_number) from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ?", Long.class, crisis.toString());
        return last == null ? -1 : last;
    }
}
