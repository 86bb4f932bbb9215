package org.crisiscoordination.query.channel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
import org.crisiscoordination.kernel.region.MajorPower;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The channel view: participants with their acknowledgements, statements, and the proposals with
 * their endorsements. Every handler is idempotent and ignores what it cannot apply (an event of a
 * channel it never saw convened), so no event is applied twice and none can stall the projection.
 */
@Component
@ProcessingGroup(ChannelViewProjection.NAME)
public class ChannelViewProjection {

    public static final String NAME = "channel-view";

    private final JdbcClient db;

    public ChannelViewProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(MajorPowerChannelConvened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        insert into channel (channel_id, crisis_id, agenda, participants, acknowledge_within,
                                             acknowledge_by, convened_at, status, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (channel_id) do nothing""")
                .params(event.channelId().value(), event.crisisId().value(), event.agenda(),
                        event.participants().stream().map(MajorPower::name).toArray(String[]::new),
                        event.acknowledgement().within().toString(), utc(event.acknowledgement().by()), utc(at),
                        ChannelStatus.OPEN.name(), sequence)
                .update();
        event.participants().forEach(participant -> db.sql("""
                        insert into channel_participant (channel_id, participant) values (?, ?)
                        on conflict (channel_id, participant) do nothing""")
                .params(event.channelId().value(), participant.name()).update());
    }

    @EventHandler
    void on(ChannelParticipationAcknowledged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        update channel_participant set acknowledged_at = coalesce(acknowledged_at, ?), late = ?
                        where channel_id = ? and participant = ?""")
                .params(utc(at), event.late(), event.channelId().value(), event.participant().name()).update();
        version(event.channelId(), sequence);
    }

    @EventHandler
    void on(ChannelAcknowledgementOverdue event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        update channel_participant set overdue_at = coalesce(overdue_at, ?)
                        where channel_id = ? and participant = ?""")
                .params(utc(at), event.channelId().value(), event.participant().name()).update();
        version(event.channelId(), sequence);
    }

    @EventHandler
    void on(PositionStatementSubmitted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        insert into channel_statement (channel_id, sequence, participant, text, submitted_at)
                        select channel_id, ?, ?, ?, ? from channel where channel_id = ?
                        on conflict (channel_id, sequence) do nothing""")
                .params(sequence, event.participant().name(), event.text(), utc(at), event.channelId().value())
                .update();
        version(event.channelId(), sequence);
    }

    @EventHandler
    void on(JointStatementProposed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        // only when first handled: an older proposal handled again must not displace a newer one
        db.sql("""
                        update channel_proposal set status = ?
                        where channel_id = ? and status = ? and proposal_id <> ?
                          and exists (select 1 from channel where channel_id = ? and version < ?)""")
                .params(ProposalStatus.REPLACED.name(), event.channelId().value(), ProposalStatus.CURRENT.name(),
                        event.proposalId().value(), event.channelId().value(), sequence)
                .update();
        db.sql("""
                        insert into channel_proposal (proposal_id, channel_id, proposer, text, proposed_at, status)
                        select ?, channel_id, ?, ?, ?, ? from channel where channel_id = ?
                        on conflict (proposal_id) do nothing""")
                .params(event.proposalId().value(), event.proposer().name(), event.text(), utc(at),
                        ProposalStatus.CURRENT.name(), event.channelId().value())
                .update();
        version(event.channelId(), sequence);
    }

    @EventHandler
    void on(JointStatementEndorsed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        insert into channel_endorsement (proposal_id, participant, endorsed_at)
                        select proposal_id, ?, ? from channel_proposal where proposal_id = ?
                        on conflict (proposal_id, participant) do nothing""")
                .params(event.participant().name(), utc(at), event.proposalId().value()).update();
        version(event.channelId(), sequence);
    }

    @EventHandler
    void on(JointStatementAdopted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update channel_proposal set status = ?, adopted_at = ? where proposal_id = ?")
                .params(ProposalStatus.ADOPTED.name(), utc(at), event.proposalId().value()).update();
        version(event.channelId(), sequence);
    }

    @EventHandler
    void on(MajorPowerChannelClosed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update channel set status = ?, outcome = ?, note = ?, closed_at = ? where channel_id = ?")
                .params(ChannelStatus.CLOSED.name(), event.outcome().name(), event.note(), utc(at),
                        event.channelId().value()).update();
        version(event.channelId(), sequence);
    }

    @ResetHandler
    void reset() {
        db.sql("truncate channel, channel_participant, channel_statement, channel_proposal, channel_endorsement")
                .update();
    }

    private void version(ChannelId channelId, long sequence) {
        db.sql("update channel set version = greatest(version, ?) where channel_id = ?")
                .params(sequence, channelId.value()).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
