package org.crisiscoordination.query.channel;

import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.JointStatementAdopted;
import org.crisiscoordination.kernel.channel.JointStatementEndorsed;
import org.crisiscoordination.kernel.channel.JointStatementProposed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.support.CaughtUp;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.US;

/**
 * The channel view's handlers called directly, against its real tables: what each event does to
 * the rows. The tracking processor runs beside, but never sees these events (they are not in the
 * store); every test uses channels of its own.
 */
class ChannelViewProjectionIT extends QueryServiceIT {

    private static final Instant T0 = Instant.parse("2024-06-01T08:00:00Z");
    private static final Duration WITHIN = Duration.ofHours(2);

    @Autowired
    private ChannelViewProjection projection;

    @Autowired
    private ProjectionProgress progress;

    private final ChannelId channel = ChannelId.random();
    private final CrisisId crisis = CrisisId.random();

    @Test
    void conveningInsertsTheOpenChannelAtVersionZeroAndEachParticipantUnacknowledged() {
        projection.on(convened(US, CN, ASEAN), T0, 0);

        ChannelRow row = channel();
        assertThat(row.crisisId()).isEqualTo(crisis.value());
        assertThat(row.agenda()).isEqualTo("Talks about " + channel);
        assertThat(row.participants()).containsExactly("US", "CN", "ASEAN");
        assertThat(row.acknowledgeWithin()).isEqualTo("PT2H");
        assertThat(row.acknowledgeBy()).isEqualTo(T0.plus(WITHIN));
        assertThat(row.convenedAt()).isEqualTo(T0);
        assertThat(row.status()).isEqualTo("OPEN");
        assertThat(row.outcome()).isNull();
        assertThat(row.note()).isNull();
        assertThat(row.closedAt()).isNull();
        assertThat(row.version()).isZero();
        assertThat(participants()).extracting(ParticipantRow::participant)
                .containsExactlyInAnyOrder("US", "CN", "ASEAN");
        assertThat(participants()).allSatisfy(participant -> {
            assertThat(participant.acknowledgedAt()).isNull();
            assertThat(participant.late()).isFalse();
            assertThat(participant.overdueAt()).isNull();
        });
    }

    @Test
    void anAcknowledgementRecordsItsTimeAndWhetherItCameLate() {
        projection.on(convened(CN, US), T0, 0);

        projection.on(new ChannelParticipationAcknowledged(channel, CN, false), T0.plusSeconds(300), 1);
        projection.on(new ChannelParticipationAcknowledged(channel, US, true), T0.plus(WITHIN).plusSeconds(60), 2);

        assertThat(participant(CN).acknowledgedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(participant(CN).late()).isFalse();
        assertThat(participant(US).acknowledgedAt()).isEqualTo(T0.plus(WITHIN).plusSeconds(60));
        assertThat(participant(US).late()).isTrue();
        assertThat(channel().version()).isEqualTo(2);
    }

    @Test
    void anOverdueAcknowledgementRecordsWhenItFellDue() {
        projection.on(convened(CN, US), T0, 0);

        projection.on(new ChannelAcknowledgementOverdue(channel, US, T0.plus(WITHIN)), T0.plus(WITHIN), 1);

        assertThat(participant(US).overdueAt()).isEqualTo(T0.plus(WITHIN));
        assertThat(participant(US).acknowledgedAt()).isNull();
        assertThat(participant(CN).overdueAt()).isNull();
        assertThat(channel().version()).isEqualTo(1);
    }

    @Test
    void statementsAreKeptInTheirSequence() {
        projection.on(convened(CN, US), T0, 0);

        projection.on(new PositionStatementSubmitted(channel, US, "restraint"), T0.plusSeconds(10), 1);
        projection.on(new PositionStatementSubmitted(channel, CN, "dialogue"), T0.plusSeconds(20), 2);
        projection.on(new PositionStatementSubmitted(channel, US, "hotline"), T0.plusSeconds(30), 3);

        assertThat(statements()).containsExactly(
                "1|US|restraint|" + T0.plusSeconds(10),
                "2|CN|dialogue|" + T0.plusSeconds(20),
                "3|US|hotline|" + T0.plusSeconds(30));
        assertThat(channel().version()).isEqualTo(3);
    }

    @Test
    void aNewProposalReplacesTheCurrentOneWhoseEndorsementsDoNotCarryOver() {
        ProposalId first = ProposalId.random();
        ProposalId second = ProposalId.random();
        projection.on(convened(CN, US, ASEAN), T0, 0);
        projection.on(new JointStatementProposed(channel, first, CN, "first draft", null), T0.plusSeconds(10), 1);
        projection.on(new JointStatementEndorsed(channel, first, US), T0.plusSeconds(20), 2);
        assertThat(proposal(first).status()).isEqualTo("CURRENT");
        assertThat(endorsers(first)).containsExactly("US");

        projection.on(new JointStatementProposed(channel, second, ASEAN, "second draft", first), T0.plusSeconds(30), 3);

        ProposalRow replaced = proposal(first);
        ProposalRow current = proposal(second);
        assertThat(replaced.status()).isEqualTo("REPLACED");
        assertThat(current.status()).isEqualTo("CURRENT");
        assertThat(current.channelId()).isEqualTo(channel.value());
        assertThat(current.proposer()).isEqualTo("ASEAN");
        assertThat(current.text()).isEqualTo("second draft");
        assertThat(current.proposedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(current.adoptedAt()).isNull();
        assertThat(endorsers(second)).isEmpty();
        assertThat(channel().version()).isEqualTo(3);
    }

    @Test
    void theLastEndorsementAndTheAdoptionMarkTheProposalAdopted() {
        ProposalId proposal = ProposalId.random();
        projection.on(convened(CN, US), T0, 0);
        projection.on(new JointStatementProposed(channel, proposal, US, "joint draft", null), T0.plusSeconds(10), 1);

        projection.on(new JointStatementEndorsed(channel, proposal, CN), T0.plusSeconds(20), 2);
        projection.on(new JointStatementEndorsed(channel, proposal, US), T0.plusSeconds(30), 3);
        projection.on(new JointStatementAdopted(channel, proposal, "joint draft"), T0.plusSeconds(30), 4);

        ProposalRow adopted = proposal(proposal);
        assertThat(adopted.status()).isEqualTo("ADOPTED");
        assertThat(adopted.adoptedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(endorsers(proposal)).containsExactlyInAnyOrder("CN", "US");
        assertThat(channel().version()).isEqualTo(4);
    }

    @Test
    void closingRecordsTheStatusOutcomeNoteAndTime() {
        projection.on(convened(CN, US), T0, 0);

        projection.on(new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.NO_CONSENSUS, "talks stalled"),
                T0.plusSeconds(3600), 1);

        ChannelRow row = channel();
        assertThat(row.status()).isEqualTo("CLOSED");
        assertThat(row.outcome()).isEqualTo("NO_CONSENSUS");
        assertThat(row.note()).isEqualTo("talks stalled");
        assertThat(row.closedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        ProposalId proposal = ProposalId.random();
        MajorPowerChannelConvened convened = convened(CN, US);
        ChannelParticipationAcknowledged acknowledged = new ChannelParticipationAcknowledged(channel, CN, false);
        ChannelAcknowledgementOverdue overdue = new ChannelAcknowledgementOverdue(channel, US, T0.plus(WITHIN));
        PositionStatementSubmitted statement = new PositionStatementSubmitted(channel, CN, "calm");
        JointStatementProposed proposed = new JointStatementProposed(channel, proposal, CN, "draft", null);
        JointStatementEndorsed endorsed = new JointStatementEndorsed(channel, proposal, US);
        MajorPowerChannelClosed closed = new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.SUPERSEDED,
                "another channel");

        for (int time = 0; time < 2; time++) {
            projection.on(convened, T0, 0);
            projection.on(acknowledged, T0.plusSeconds(10), 1);
            projection.on(overdue, T0.plus(WITHIN), 2);
            projection.on(statement, T0.plus(WITHIN).plusSeconds(10), 3);
            projection.on(proposed, T0.plus(WITHIN).plusSeconds(20), 4);
            projection.on(endorsed, T0.plus(WITHIN).plusSeconds(30), 5);
            projection.on(closed, T0.plus(WITHIN).plusSeconds(40), 6);
        }

        assertThat(count("channel where channel_id = ?", channel.value())).isEqualTo(1);
        assertThat(participants()).hasSize(2);
        assertThat(participant(CN).acknowledgedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(participant(US).overdueAt()).isEqualTo(T0.plus(WITHIN));
        assertThat(statements()).hasSize(1);
        assertThat(count("channel_proposal where channel_id = ?", channel.value())).isEqualTo(1);
        assertThat(proposal(proposal).status()).as("a repeated proposal does not replace itself")
                .isEqualTo("CURRENT");
        assertThat(endorsers(proposal)).containsExactly("US");
        ChannelRow row = channel();
        assertThat(row.status()).isEqualTo("CLOSED");
        assertThat(row.closedAt()).isEqualTo(T0.plus(WITHIN).plusSeconds(40));
        assertThat(row.version()).isEqualTo(6);
    }

    @Test
    void aRepeatedAcknowledgementKeepsTheTimeOfTheFirst() {
        projection.on(convened(CN, US), T0, 0);
        ChannelParticipationAcknowledged acknowledged = new ChannelParticipationAcknowledged(channel, US, false);
        projection.on(acknowledged, T0.plusSeconds(10), 1);

        projection.on(acknowledged, T0.plusSeconds(99), 1);

        assertThat(participant(US).acknowledgedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void anOlderProposalHandledAgainDoesNotDisplaceTheCurrentOne() {
        ProposalId first = ProposalId.random();
        ProposalId second = ProposalId.random();
        JointStatementProposed older = new JointStatementProposed(channel, first, CN, "first draft", null);
        projection.on(convened(CN, US), T0, 0);
        projection.on(older, T0.plusSeconds(10), 1);
        projection.on(new JointStatementProposed(channel, second, US, "second draft", first), T0.plusSeconds(20), 2);

        projection.on(older, T0.plusSeconds(10), 1);

        assertThat(proposal(first).status()).isEqualTo("REPLACED");
        assertThat(proposal(second).status()).isEqualTo("CURRENT");
        assertThat(channel().version()).isEqualTo(2);
    }

    @Test
    void theVersionMovesForwardOnlyWhenAnOlderEventIsHandledAgain() {
        PositionStatementSubmitted older = new PositionStatementSubmitted(channel, CN, "first");
        projection.on(convened(CN, US), T0, 0);
        projection.on(older, T0.plusSeconds(10), 1);
        projection.on(new ChannelParticipationAcknowledged(channel, US, false), T0.plusSeconds(20), 2);
        projection.on(new PositionStatementSubmitted(channel, US, "second"), T0.plusSeconds(30), 3);

        projection.on(older, T0.plusSeconds(10), 1);
        projection.on(convened(CN, US), T0, 0);

        assertThat(channel().version()).isEqualTo(3);
        assertThat(statements()).hasSize(2);
    }

    @Test
    void eventsOfAChannelNeverConvenedAddNothingAndDoNotFail() {
        ProposalId proposal = ProposalId.random();

        assertThatCode(() -> {
            projection.on(new ChannelParticipationAcknowledged(channel, CN, false), T0, 1);
            projection.on(new ChannelAcknowledgementOverdue(channel, US, T0), T0, 2);
            projection.on(new PositionStatementSubmitted(channel, CN, "into the void"), T0, 3);
            projection.on(new JointStatementProposed(channel, proposal, CN, "draft", null), T0, 4);
            projection.on(new JointStatementEndorsed(channel, proposal, US), T0, 5);
            projection.on(new JointStatementAdopted(channel, proposal, "draft"), T0, 6);
            projection.on(new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.NO_CONSENSUS, "none"), T0, 7);
        }).doesNotThrowAnyException();

        assertThat(count("channel where channel_id = ?", channel.value())).isZero();
        assertThat(count("channel_participant where channel_id = ?", channel.value())).isZero();
        assertThat(count("channel_statement where channel_id = ?", channel.value())).isZero();
        assertThat(count("channel_proposal where proposal_id = ?", proposal.value())).isZero();
        assertThat(count("channel_endorsement where proposal_id = ?", proposal.value())).isZero();
    }

    @Test
    void resettingEmptiesEveryTableOfTheChannelView() {
        // nothing of an earlier test may still be on its way into the tables we empty
        CaughtUp.await(progress, jdbc);
        ProposalId proposal = ProposalId.random();
        projection.on(convened(CN, US), T0, 0);
        projection.on(new PositionStatementSubmitted(channel, CN, "words"), T0.plusSeconds(1), 1);
        projection.on(new JointStatementProposed(channel, proposal, CN, "draft", null), T0.plusSeconds(2), 2);
        projection.on(new JointStatementEndorsed(channel, proposal, US), T0.plusSeconds(3), 3);

        projection.reset();

        for (String table : List.of("channel", "channel_participant", "channel_statement", "channel_proposal",
                "channel_endorsement")) {
            assertThat(jdbc.queryForObject("select count(*) from read_model." + table, Long.class))
                    .as(table).isZero();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private MajorPowerChannelConvened convened(MajorPower... participants) {
        return new MajorPowerChannelConvened(channel, crisis, List.of(participants), "Talks about " + channel,
                new AcknowledgementDeadline(WITHIN, T0.plus(WITHIN)));
    }

    private record ChannelRow(UUID crisisId, String agenda, List<String> participants, String acknowledgeWithin,
                              Instant acknowledgeBy, Instant convenedAt, String status, String outcome, String note,
                              Instant closedAt, long version) {
    }

    private record ParticipantRow(String participant, Instant acknowledgedAt, boolean late, Instant overdueAt) {
    }

    private record ProposalRow(UUID channelId, String proposer, String text, Instant proposedAt, String status,
                               Instant adoptedAt) {
    }

    private ChannelRow channel() {
        return jdbc.queryForObject("select * from read_model.channel where channel_id = ?", (rs, n) -> new ChannelRow(
                rs.getObject("crisis_id", UUID.class), rs.getString("agenda"),
                List.of((String[]) rs.getArray("participants").getArray()), rs.getString("acknowledge_within"),
                instant(rs, "acknowledge_by"), instant(rs, "convened_at"), rs.getString("status"),
                rs.getString("outcome"), rs.getString("note"), instant(rs, "closed_at"), rs.getLong("version")),
                channel.value());
    }

    private List<ParticipantRow> participants() {
        return jdbc.query("select * from read_model.channel_participant where channel_id = ?", this::participantRow,
                channel.value());
    }

    private ParticipantRow participant(MajorPower participant) {
        return jdbc.queryForObject("select * from read_model.channel_participant where channel_id = ?"
                + " and participant = ?", this::participantRow, channel.value(), participant.name());
    }

    private ParticipantRow participantRow(ResultSet rs, int n) throws SQLException {
        return new ParticipantRow(rs.getString("participant"), instant(rs, "acknowledged_at"), rs.getBoolean("late"),
                instant(rs, "overdue_at"));
    }

    private List<String> statements() {
        return jdbc.query("select sequence, participant, text, submitted_at from read_model.channel_statement"
                        + " where channel_id = ? order by sequence",
                (rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getTimestamp(4).toInstant(), channel.value());
    }

    private ProposalRow proposal(ProposalId proposal) {
        return jdbc.queryForObject("select * from read_model.channel_proposal where proposal_id = ?",
                (rs, n) -> new ProposalRow(rs.getObject("channel_id", UUID.class), rs.getString("proposer"),
                        rs.getString("text"), instant(rs, "proposed_at"), rs.getString("status"),
                        instant(rs, "adopted_at")), proposal.value());
    }

    private List<String> endorsers(ProposalId proposal) {
        return jdbc.queryForList("select participant from read_model.channel_endorsement where proposal_id = ?"
                + " order by participant", String.class, proposal.value());
    }

    private long count(String fromWhere, Object id) {
        Long count = jdbc.queryForObject("select count(*) from read_model." + fromWhere, Long.class, id);
        return count == null ? 0 : count;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return ChannelViewRepository.instant(rs, column);
    }
}
