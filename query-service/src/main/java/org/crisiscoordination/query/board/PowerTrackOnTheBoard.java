package org.crisiscoordination.query.board;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.JointStatementAdopted;
import org.crisiscoordination.kernel.channel.JointStatementEndorsed;
import org.crisiscoordination.kernel.channel.JointStatementProposed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.crisiscoordination.query.board.CrisisBoardProjection.utc;

/**
 * The crisis board's power track and agenda flags: the same projection (one processor, one token,
 * events in global order) as {@link CrisisBoardProjection}, so a channel's events always find the
 * crisis row its convening created. Idempotent, like the rest of the board.
 */
@Component
@ProcessingGroup(CrisisBoardProjection.NAME)
public class PowerTrackOnTheBoard {

    private final JdbcClient db;

    public PowerTrackOnTheBoard(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(PowerTrackOpened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        update crisis set channel_id = ?, channel_status = 'OPEN', channel_outcome = null,
                               channel_participants = 0, channel_acknowledged_by = '{}', joint_statement = 'NONE',
                               status = case when status = ? then ? else status end,
                               last_activity_at = greatest(last_activity_at, ?), version = greatest(version, ?)
                        where crisis_id = ? and version < ?""")
                .params(event.channelId().value(), CrisisStatus.RAISED.name(), CrisisStatus.COORDINATING.name(),
                        utc(at), sequence, event.crisisId().value(), sequence)
                .update();
    }

    @EventHandler
    void on(PowerTrackClosed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        update crisis set last_activity_at = greatest(last_activity_at, ?), version = greatest(version, ?)
                        where crisis_id = ?""")
                .params(utc(at), sequence, event.crisisId().value()).update();
    }

    @EventHandler
    void on(MajorPowerChannelConvened event, @Timestamp Instant at) {
        db.sql("update crisis set channel_participants = ? where channel_id = ?")
                .params(event.participants().size(), event.channelId().value()).update();
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(ChannelParticipationAcknowledged event, @Timestamp Instant at) {
        db.sql("""
                        update crisis set channel_acknowledged_by = array_append(channel_acknowledged_by, ?::varchar(8))
                        where channel_id = ? and not (?::varchar(8) = any (channel_acknowledged_by))""")
                .params(event.participant().name(), event.channelId().value(), event.participant().name()).update();
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(JointStatementProposed event, @Timestamp Instant at) {
        // no proposal follows an adoption: one handled again must not undo it
        db.sql("update crisis set joint_statement = 'PROPOSED' where channel_id = ? and joint_statement <> 'ADOPTED'")
                .param(event.channelId().value()).update();
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(JointStatementAdopted event, @Timestamp Instant at) {
        jointStatement(event.channelId(), "ADOPTED");
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(MajorPowerChannelClosed event, @Timestamp Instant at) {
        db.sql("update crisis set channel_status = 'CLOSED', channel_outcome = ? where channel_id = ?")
                .params(event.outcome().name(), event.channelId().value()).update();
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(PositionStatementSubmitted event, @Timestamp Instant at) {
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(JointStatementEndorsed event, @Timestamp Instant at) {
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(ChannelAcknowledgementOverdue event, @Timestamp Instant at) {
        channelActivity(event.channelId(), at);
    }

    /** The agenda as the board sees it: whether a crisis is raised on the agreed agenda depends on it. */
    @EventHandler
    void on(SecurityTopicAdmitted event, @Timestamp Instant at) {
        db.sql("insert into board_agenda_topic (topic, admitted_at) values (?, ?) on conflict (topic) do nothing")
                .params(event.topic().name(), utc(at)).update();
    }

    private void jointStatement(ChannelId channelId, String state) {
        db.sql("update crisis set joint_statement = ? where channel_id = ?").params(state, channelId.value()).update();
    }

    /** Activity on a crisis's current channel is activity on the crisis, though not a new crisis version. */
    private void channelActivity(ChannelId channelId, Instant at) {
        db.sql("update crisis set last_activity_at = greatest(last_activity_at, ?) where channel_id = ?")
                .params(utc(at), channelId.value()).update();
    }
}
