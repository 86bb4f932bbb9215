package org.crisiscoordination.query.channel;

import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.crisiscoordination.query.readmodel.ReadModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the channel view's tables, and the pledges of the security mechanism's. */
@Repository
class ChannelViewRepository {

    private final JdbcClient db;
    private final ReadModels readModels;

    ChannelViewRepository(JdbcClient db, ReadModels readModels) {
        this.db = db;
        this.readModels = readModels;
    }

    Optional<ChannelView> find(UUID channelId) {
        return readModels.read(ChannelViewProjection.NAME, () -> db.sql("select * from channel where channel_id = ?")
                .param(channelId).query((rs, row) -> view(rs, channelId)).optional());
    }

    private ChannelView view(ResultSet rs, UUID channelId) throws SQLException {
        List<String> order = Arrays.asList((String[]) rs.getArray("participants").getArray());
        Instant convenedAt = instant(rs, "convened_at");
        List<ChannelView.Pledge> pledges = readModels.read(SecurityMechanismProjection.NAME, () -> db.sql(
                        "select party, pledged_at from mechanism_pledge where party = any(?) order by pledged_at")
                .param(order.toArray(String[]::new))
                .query((p, n) -> new ChannelView.Pledge(p.getString("party"), instant(p, "pledged_at"))).list());
        Set<String> pledged = pledges.stream().map(ChannelView.Pledge::party).collect(Collectors.toSet());
        List<ChannelView.Participant> participants = db.sql("select * from channel_participant where channel_id = ?")
                .param(channelId).query((p, n) -> participant(p, convenedAt, pledged)).list().stream()
                .sorted((a, b) -> order.indexOf(a.participant()) - order.indexOf(b.participant())).toList();
        List<ChannelView.Statement> statements = db.sql("select * from channel_statement where channel_id = ? order by sequence")
                .param(channelId).query((s, n) -> new ChannelView.Statement(s.getString("participant"),
                        s.getString("text"), instant(s, "submitted_at"))).list();
        ChannelView.Proposal proposal = currentProposal(channelId, order.size());
        JointStatementStage jointStatement = proposal == null ? JointStatementStage.NONE
                : ProposalStatus.ADOPTED.name().equals(proposal.status()) ? JointStatementStage.ADOPTED
                : JointStatementStage.PROPOSED;
        return new ChannelView(channelId.toString(), rs.getObject("crisis_id", UUID.class).toString(),
                rs.getString("agenda"), rs.getString("status"), rs.getString("outcome"), rs.getString("note"),
                convenedAt, Duration.parse(rs.getString("acknowledge_within")), instant(rs, "acknowledge_by"),
                instant(rs, "closed_at"), rs.getLong("version"),
                (int) participants.stream().filter(p -> p.acknowledgedAt() != null).count(),
                participants, statements, jointStatement.name(), proposal, pledges);
    }

    private static ChannelView.Participant participant(ResultSet rs, Instant convenedAt, Set<String> pledged)
            throws SQLException {
        Instant acknowledgedAt = instant(rs, "acknowledged_at");
        Instant overdueAt = instant(rs, "overdue_at");
        return new ChannelView.Participant(rs.getString("participant"), acknowledgedAt,
                acknowledgedAt == null ? null : Duration.between(convenedAt, acknowledgedAt), rs.getBoolean("late"),
                overdueAt != null, overdueAt, pledged.contains(rs.getString("participant")));
    }

    /** The proposal now before the channel: the current one, or the adopted one. */
    private ChannelView.Proposal currentProposal(UUID channelId, int required) {
        return db.sql("select * from channel_proposal where channel_id = ? and status in (?, ?)")
                .params(channelId, ProposalStatus.CURRENT.name(), ProposalStatus.ADOPTED.name()).query((rs, n) -> {
                    UUID proposalId = rs.getObject("proposal_id", UUID.class);
                    List<ChannelView.Endorsement> endorsements = db.sql(
                                    "select * from channel_endorsement where proposal_id = ? order by endorsed_at, participant")
                            .param(proposalId).query((e, m) -> new ChannelView.Endorsement(e.getString("participant"),
                                    instant(e, "endorsed_at"))).list();
                    return new ChannelView.Proposal(proposalId.toString(), rs.getString("proposer"), rs.getString("text"),
                            instant(rs, "proposed_at"), rs.getString("status"), endorsements, endorsements.size(),
                            required, instant(rs, "adopted_at"));
                }).optional().orElse(null);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
