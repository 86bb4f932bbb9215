package org.crisiscoordination.query.board;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.JointStatementAdopted;
import org.crisiscoordination.kernel.channel.JointStatementEndorsed;
import org.crisiscoordination.kernel.channel.JointStatementProposed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.crisis.CrisisDeescalated;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.crisis.MinilateralInvolvementRecorded;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.crisis.ReferralStatus;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.channel.ChannelStatus;
import org.crisiscoordination.query.channel.JointStatementStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * The crisis board: each crisis with its status, severity, agenda standing, mechanism track and
 * power track. It alone writes and resets the board's tables. A crisis's events and its channels'
 * come to it in global order, in one sequence ({@link CrisisSequencing}), so a channel's events
 * always find the crisis row its convening created; sequences may be handled by different segments,
 * so nothing here depends on the order of events of different sequences (the agenda at a raise is
 * read from the store, {@link AgendaAsOf}). Every handler is idempotent and ignores what it cannot apply
 * (an event of a crisis it never saw raised): a handled event changes nothing twice.
 */
@Component
@ProcessingGroup(CrisisBoardProjection.NAME)
public class CrisisBoardProjection {

    public static final String NAME = "crisis-board";

    private final JdbcClient db;
    private final AgendaAsOf agenda;

    public CrisisBoardProjection(JdbcClient db, AgendaAsOf agenda) {
        this.db = db;
        this.agenda = agenda;
    }

    @EventHandler
    void on(RegionalCrisisRaised event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        raised(event, at, sequence, position.isPresent()
                ? agenda.admittedBefore(event.topic(), position.getAsLong())
                : db.sql("select exists (select 1 from board_agenda_topic where topic = ?)")
                        .param(event.topic().name()).query(Boolean.class).single());
    }

    /** A raise handled outside a processor, with the board's agenda as it stands. */
    void on(RegionalCrisisRaised event, Instant at, long sequence) {
        on(event, at, sequence, null);
    }

    private void raised(RegionalCrisisRaised event, Instant at, long sequence, boolean onAgenda) {
        db.sql("""
                        insert into crisis (crisis_id, title, hotspot, topic, tier, severity, status, involved_states,
                                            summary, on_agenda_at_raise, raised_at, last_activity_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (crisis_id) do nothing""")
                .params(event.crisisId().value(), event.title(), event.hotspot(), event.topic().name(),
                        event.topic().tier(), event.severity().value(), CrisisStatus.RAISED.name(),
                        event.involvedStates().stream().map(StateCode::code).toArray(String[]::new),
                        event.summary(), onAgenda, utc(at), utc(at), sequence)
                .update();
    }

    @EventHandler
    void on(CrisisEscalated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update crisis set severity = ? where crisis_id = ? and version < ?")
                .params(event.severity().value(), event.crisisId().value(), sequence).update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(CrisisDeescalated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update crisis set severity = ? where crisis_id = ? and version < ?")
                .params(event.severity().value(), event.crisisId().value(), sequence).update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(CrisisReferredToOrganization event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        insert into crisis_referral (referral_id, crisis_id, organization, status, mandate, referred_at)
                        select ?, crisis_id, ?, ?, ?, ? from crisis where crisis_id = ?
                        on conflict (referral_id) do nothing""")
                .params(event.referralId().value(), event.organization().name(), ReferralStatus.PENDING.name(),
                        event.mandate(), utc(at), event.crisisId().value())
                .update();
        startCoordinating(event.crisisId());
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(ReferralAccepted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update crisis_referral set status = ?, answered_at = ? where referral_id = ?")
                .params(ReferralStatus.ACCEPTED.name(), utc(at), event.referralId().value()).update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(ReferralDeclined event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update crisis_referral set status = ?, answered_at = ?, decline_reason = ? where referral_id = ?")
                .params(ReferralStatus.DECLINED.name(), utc(at), event.reason(), event.referralId().value()).update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(ReferralOutcomeReported event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        update crisis_referral set status = ?, findings = ?, recommendation = ?, reported_at = ?
                        where referral_id = ?""")
                .params(ReferralStatus.OUTCOME_REPORTED.name(), event.findings(), event.recommendation(), utc(at),
                        event.referralId().value())
                .update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(MinilateralInvolvementRecorded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        insert into crisis_minilateral_involvement (crisis_id, sequence, bloc, description, recorded_at)
                        select crisis_id, ?, ?, ?, ? from crisis where crisis_id = ?
                        on conflict (crisis_id, sequence) do nothing""")
                .params(sequence, event.bloc().name(), event.description(), utc(at), event.crisisId().value())
                .update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(CrisisResolved event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("update crisis set status = ?, resolved_at = ?, resolution = ? where crisis_id = ?")
                .params(CrisisStatus.RESOLVED.name(), utc(at), event.resolution(), event.crisisId().value()).update();
        touch(event.crisisId(), at, sequence);
    }

    @EventHandler
    void on(PowerTrackOpened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        db.sql("""
                        update crisis set channel_id = ?, channel_status = ?, channel_outcome = null,
                               channel_participants = 0, channel_acknowledged_by = '{}', joint_statement = ?,
                               status = case when status = ? then ? else status end,
                               last_activity_at = greatest(last_activity_at, ?), version = greatest(version, ?)
                        where crisis_id = ? and version < ?""")
                .params(event.channelId().value(), ChannelStatus.OPEN.name(), JointStatementStage.NONE.name(),
                        CrisisStatus.RAISED.name(), CrisisStatus.COORDINATING.name(),
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
        db.sql("update crisis set joint_statement = ? where channel_id = ? and joint_statement <> ?")
                .params(JointStatementStage.PROPOSED.name(), event.channelId().value(),
                        JointStatementStage.ADOPTED.name()).update();
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(JointStatementAdopted event, @Timestamp Instant at) {
        db.sql("update crisis set joint_statement = ? where channel_id = ?")
                .params(JointStatementStage.ADOPTED.name(), event.channelId().value()).update();
        channelActivity(event.channelId(), at);
    }

    @EventHandler
    void on(MajorPowerChannelClosed event, @Timestamp Instant at) {
        db.sql("update crisis set channel_status = ?, channel_outcome = ? where channel_id = ?")
                .params(ChannelStatus.CLOSED.name(), event.outcome().name(), event.channelId().value()).update();
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

    @ResetHandler
    void reset() {
        db.sql("truncate crisis, crisis_referral, crisis_minilateral_involvement, board_agenda_topic").update();
    }

    private void startCoordinating(CrisisId crisisId) {
        db.sql("update crisis set status = ? where crisis_id = ? and status = ?")
                .params(CrisisStatus.COORDINATING.name(), crisisId.value(), CrisisStatus.RAISED.name()).update();
    }

    /** A crisis event happened: the crisis's version and last activity move on. */
    private void touch(CrisisId crisisId, Instant at, long sequence) {
        db.sql("""
                        update crisis set last_activity_at = greatest(last_activity_at, ?), version = greatest(version, ?)
                        where crisis_id = ?""")
                .params(utc(at), sequence, crisisId.value()).update();
    }

    /** Activity on a crisis's current channel is activity on the crisis, though not a new crisis version. */
    private void channelActivity(ChannelId channelId, Instant at) {
        db.sql("update crisis set last_activity_at = greatest(last_activity_at, ?) where channel_id = ?")
                .params(utc(at), channelId.value()).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
