package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
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
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.JP;
import static org.crisiscoordination.kernel.region.MajorPower.US;

/**
 * The board projection's power-track handlers called directly, against the crisis row: what each crisis and
 * channel event does to it, and that an event handled again (an older one among them) changes
 * nothing, as {@link CrisisBoardProjectionIT} asks of the rest of the board.
 */
class CrisisBoardPowerTrackIT extends QueryServiceIT {

    private static final Instant T0 = Instant.parse("2024-08-01T08:00:00Z");

    @Autowired
    private CrisisBoardProjection board;

    private final CrisisId crisis = CrisisId.random();
    private final ChannelId channel = ChannelId.random();

    @Test
    void openingThePowerTrackNamesTheChannelAndMakesTheCrisisCoordinatingAtItsSequence() {
        raise();

        board.on(new PowerTrackOpened(crisis, channel), T0.plusSeconds(60), 1);
        board.on(convened(CN, US, JP), T0.plusSeconds(60));

        Row row = row();
        assertThat(row.channelId()).isEqualTo(channel.value());
        assertThat(row.channelStatus()).isEqualTo("OPEN");
        assertThat(row.channelOutcome()).isNull();
        assertThat(row.participants()).isEqualTo(3);
        assertThat(row.acknowledgedBy()).isEmpty();
        assertThat(row.jointStatement()).isEqualTo("NONE");
        assertThat(row.status()).isEqualTo("COORDINATING");
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.lastActivityAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void channelEventsMoveTheLastActivityButNeverTheVersion() {
        raise();
        open();

        board.on(new ChannelParticipationAcknowledged(channel, US, false), T0.plusSeconds(120));
        board.on(new PositionStatementSubmitted(channel, US, "calm"), T0.plusSeconds(180));

        assertThat(row().version()).isEqualTo(1);
        assertThat(row().lastActivityAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void anAcknowledgementHandledAgainCountsOnce() {
        raise();
        open();
        ChannelParticipationAcknowledged acknowledged = new ChannelParticipationAcknowledged(channel, CN, false);

        board.on(acknowledged, T0.plusSeconds(120));
        board.on(acknowledged, T0.plusSeconds(120));
        board.on(new ChannelParticipationAcknowledged(channel, US, true), T0.plusSeconds(180));

        assertThat(row().acknowledgedBy()).containsExactly("CN", "US");
    }

    @Test
    void closingTheChannelThenThePowerTrackShowsTheOutcomeAndMovesTheVersion() {
        raise();
        open();

        board.on(new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.SUPERSEDED, "new format"),
                T0.plusSeconds(300));
        assertThat(row().channelStatus()).isEqualTo("CLOSED");
        assertThat(row().channelOutcome()).isEqualTo("SUPERSEDED");
        assertThat(row().version()).isEqualTo(1);

        board.on(new PowerTrackClosed(crisis, channel, ChannelOutcome.SUPERSEDED), T0.plusSeconds(300), 2);
        assertThat(row().version()).isEqualTo(2);
        assertThat(row().lastActivityAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void eventsOfAChannelNoCrisisOpenedChangeNoRow() {
        raise();
        ChannelId stranger = ChannelId.random();

        board.on(new MajorPowerChannelConvened(stranger, crisis, List.of(CN, US), "talks",
                new AcknowledgementDeadline(Duration.ofHours(1), T0.plusSeconds(3600))), T0.plusSeconds(60));
        board.on(new ChannelParticipationAcknowledged(stranger, CN, false), T0.plusSeconds(120));
        board.on(new MajorPowerChannelClosed(stranger, crisis, ChannelOutcome.NO_CONSENSUS, "none"),
                T0.plusSeconds(180));

        Row row = row();
        assertThat(row.channelId()).isNull();
        assertThat(row.participants()).isZero();
        assertThat(row.acknowledgedBy()).isEmpty();
        assertThat(row.status()).isEqualTo("RAISED");
        assertThat(row.lastActivityAt()).isEqualTo(T0);
    }

    @Test
    void aPowerTrackOpenedHandledAgainDoesNotWipeWhatItsChannelDidSince() {
        raise();
        PowerTrackOpened opened = new PowerTrackOpened(crisis, channel);
        board.on(opened, T0.plusSeconds(60), 1);
        board.on(convened(CN, US), T0.plusSeconds(60));
        board.on(new ChannelParticipationAcknowledged(channel, CN, false), T0.plusSeconds(120));

        board.on(opened, T0.plusSeconds(60), 1);

        Row row = row();
        assertThat(row.participants()).isEqualTo(2);
        assertThat(row.acknowledgedBy()).containsExactly("CN");
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void aProposalHandledAgainAfterTheAdoptionLeavesTheJointStatementAdopted() {
        raise();
        open();
        ProposalId proposal = ProposalId.random();
        JointStatementProposed proposed = new JointStatementProposed(channel, proposal, CN, "draft", null);
        board.on(proposed, T0.plusSeconds(120));
        board.on(new JointStatementEndorsed(channel, proposal, CN), T0.plusSeconds(130));
        board.on(new JointStatementEndorsed(channel, proposal, US), T0.plusSeconds(140));
        board.on(new JointStatementAdopted(channel, proposal, "draft"), T0.plusSeconds(140));

        board.on(proposed, T0.plusSeconds(120));

        assertThat(row().jointStatement()).isEqualTo("ADOPTED");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void raise() {
        board.on(new RegionalCrisisRaised(crisis, "Standoff", "East China Sea", SecurityTopic.MARITIME_SECURITY,
                Severity.of(4), List.of(StateCode.of("CN"), StateCode.of("JP")), "ships shadowing"), T0, 0);
    }

    /** The power track opened and its channel convened, with CN and US, at T0 + 60 s. */
    private void open() {
        board.on(new PowerTrackOpened(crisis, channel), T0.plusSeconds(60), 1);
        board.on(convened(CN, US), T0.plusSeconds(60));
    }

    private MajorPowerChannelConvened convened(MajorPower... participants) {
        return new MajorPowerChannelConvened(channel, crisis, List.of(participants), "talks",
                new AcknowledgementDeadline(Duration.ofHours(24), T0.plusSeconds(60).plus(Duration.ofHours(24))));
    }

    private record Row(UUID channelId, String channelStatus, String channelOutcome, int participants,
                       List<String> acknowledgedBy, String jointStatement, String status, long version,
                       Instant lastActivityAt) {
    }

    private Row row() {
        return jdbc.queryForObject("select * from read_model.crisis where crisis_id = ?", (rs, n) -> new Row(
                rs.getObject("channel_id", UUID.class), rs.getString("channel_status"),
                rs.getString("channel_outcome"), rs.getInt("channel_participants"),
                List.of((String[]) rs.getArray("channel_acknowledged_by").getArray()),
                rs.getString("joint_statement"), rs.getString("status"), rs.getLong("version"),
                CrisisBoardRepository.instant(rs, "last_activity_at")), crisis.value());
    }
}
